using System.Globalization;
using System.Text;
using System.Text.Json;
using MentorFlow.Workflows.CompanyDirectory;
using MentorFlow.Workflows.Criteria;

namespace MentorFlow.SampleData;

/// <summary>
/// A made-up sales organisation, the same for the same seed: a chief revenue officer, regional vice presidents,
/// sales managers with teams of account executives, and colleagues in other departments; each seller with two years
/// of opportunities and quarterly quotas whose attainment varies from seller to seller.
/// </summary>
public sealed class SampleCompany
{
    private static readonly string[] FirstNames =
    [
        "Ana", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Kara", "Liam", "Maya", "Noah",
        "Olga", "Pedro", "Quinn", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wen", "Xavi", "Yara", "Zane", "Aiko", "Bruno",
        "Cleo", "Diego", "Esme", "Finn", "Gita", "Hugo", "Isla", "Jonas", "Keiko", "Luca", "Mina", "Nils",
    ];

    private static readonly string[] LastNames =
    [
        "Garcia", "Smith", "Chen", "Patel", "Okafor", "Novak", "Silva", "Kim", "Martin", "Haddad", "Larsen", "Moreau",
        "Rossi", "Tanaka", "Singh", "Nguyen", "Kowalski", "Ibrahim", "Schmidt", "Dubois", "Costa", "Walker", "Ahmed",
        "Jensen", "Lopez", "Murphy", "Berg", "Sato", "Reyes", "Fischer",
    ];

    private static readonly (string Country, string[] Offices)[] Regions =
    [
        ("US", ["New York", "Austin", "Chicago", "Seattle"]),
        ("CA", ["Toronto", "Vancouver"]),
        ("GB", ["London"]),
    ];

    private SampleCompany(List<DirectoryUser> users, List<Opportunity> opportunities, List<QuotaPeriod> quotas)
    {
        Users = users;
        Opportunities = opportunities;
        Quotas = quotas;
    }

    public IReadOnlyList<DirectoryUser> Users { get; }

    public IReadOnlyList<Opportunity> Opportunities { get; }

    public IReadOnlyList<QuotaPeriod> Quotas { get; }

    /// <summary>About <paramref name="people"/> people and about <paramref name="opportunitiesPerSeller"/> opportunities each seller, as of <paramref name="asOf"/>.</summary>
    public static SampleCompany Generate(int people, int seed, DateOnly asOf, int opportunitiesPerSeller = 24)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(people, 20);
        var random = new Random(seed);
        var users = new List<DirectoryUser>(people);
        var opportunities = new List<Opportunity>(people * opportunitiesPerSeller);
        var quotas = new List<QuotaPeriod>(people * 8);
        var usedEmails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        DirectoryUser Add(string first, string last, string title, string department, string country, string office, string? managerId, int minYears, int maxYears)
        {
            var email = $"{first}.{last}".ToLowerInvariant() + "@example.com";
            for (var n = 2; !usedEmails.Add(email); n++)
            {
                email = $"{first}.{last}{n}".ToLowerInvariant() + "@example.com";
            }

            var hired = asOf.AddDays(-random.Next(minYears * 365, (maxYears * 365) + 1));
            var user = new DirectoryUser(
                $"u{users.Count + 1:D6}", $"{first} {last}", email, email, title, department, country, office,
                new DateTimeOffset(hired.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                AccountEnabled: random.NextDouble() > 0.01, managerId);
            users.Add(user);
            return user;
        }

        string First() => FirstNames[random.Next(FirstNames.Length)];
        string Last() => LastNames[random.Next(LastNames.Length)];

        // The people the sample program names, so its emails reach someone in the directory.
        var cro = Add("Sam", "Rivera", "Chief Revenue Officer", "Sales", "US", "New York", null, 6, 12) with { AccountEnabled = true };
        users[^1] = cro;
        var enablement = Add("Priya", "Patel", "Director of Sales Enablement", "Sales Enablement", "US", "New York", cro.Id, 3, 8) with { AccountEnabled = true };
        users[^1] = enablement;

        // Colleagues outside sales, so the target population's filters have something to exclude.
        var others = Math.Max(people / 10, 4);
        for (var i = 0; i < others; i++)
        {
            var (department, title) = (i % 3) switch
            {
                0 => ("Sales Engineering", "Solutions Engineer"),
                1 => ("Customer Success", "Customer Success Manager"),
                _ => ("Marketing", "Marketing Manager"),
            };
            var (country, offices) = Regions[random.Next(Regions.Length)];
            Add(First(), Last(), title, department, country, offices[random.Next(offices.Length)], enablement.Id, 0, 8);
        }

        var remaining = people - users.Count;
        var regionVps = Regions.Select(r => Add(First(), Last(), "Regional Vice President, Sales", "Sales", r.Country, r.Offices[0], cro.Id, 4, 12)).ToList();
        remaining -= regionVps.Count;
        var teams = Math.Max(remaining / 9, 2);
        for (var t = 0; t < teams && remaining > 0; t++)
        {
            var regionIndex = t % Regions.Length == 2 && t % 2 == 0 ? 0 : t % Regions.Length;
            var (country, offices) = Regions[regionIndex];
            var office = offices[random.Next(offices.Length)];
            var manager = Add(First(), Last(), "Sales Manager", "Sales", country, office, regionVps[regionIndex].Id, 3, 12);
            remaining--;
            var size = Math.Min(remaining, random.Next(5, 10));
            var teamStrength = 0.75 + (random.NextDouble() * 0.5);
            for (var m = 0; m < size; m++)
            {
                var seller = Add(First(), Last(), "Account Executive", "Sales", country, office, manager.Id, 0, 9);
                remaining--;
                AddPerformance(seller.Mail!, teamStrength * (0.6 + (random.NextDouble() * 0.8)));
            }
        }

        return new SampleCompany(users, opportunities, quotas);

        void AddPerformance(string email, double skill)
        {
            // Quarterly quotas over the last two years; wins and deal sizes follow the seller's skill.
            var quarterQuota = 60_000m + (random.Next(0, 7) * 10_000m);
            var firstQuarter = new DateOnly(asOf.Year - 2, ((asOf.Month - 1) / 3 * 3) + 1, 1);
            for (var q = 0; q < 9; q++)
            {
                var start = firstQuarter.AddMonths(q * 3);
                quotas.Add(new QuotaPeriod(email, start, start.AddMonths(3).AddDays(-1), quarterQuota));
            }

            var count = Math.Max(1, (int)(opportunitiesPerSeller * (0.7 + (random.NextDouble() * 0.6))));
            for (var i = 0; i < count; i++)
            {
                var close = asOf.AddDays(-random.Next(1, 730));
                var amount = Math.Round((decimal)(25_000 + (random.NextDouble() * 50_000 * skill)), 2);
                var roll = random.NextDouble();
                var winShare = Math.Min(0.9, 0.3 + (0.35 * skill));
                var status = roll < 0.12 ? OpportunityStatus.Open : roll < 0.12 + (0.88 * winShare) ? OpportunityStatus.Won : OpportunityStatus.Lost;
                if (status == OpportunityStatus.Open)
                {
                    close = asOf.AddDays(random.Next(1, 180));
                }

                opportunities.Add(new Opportunity(email, status, amount, close));
            }
        }
    }

    /// <summary>Writes directory.json (Graph's shape), opportunities.csv and quotas.csv into <paramref name="folder"/>.</summary>
    public void Write(string folder)
    {
        Directory.CreateDirectory(folder);
        WriteDirectory(Path.Combine(folder, "directory.json"));
        var invariant = CultureInfo.InvariantCulture;
        var opportunities = new StringBuilder("OwnerEmail,Status,Amount,CloseDate\n");
        foreach (var o in Opportunities)
        {
            opportunities.Append(o.OwnerEmail).Append(',').Append(o.Status).Append(',')
                .Append(o.Amount.ToString("0.00", invariant)).Append(',').Append(o.CloseDate.ToString("yyyy-MM-dd", invariant)).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, "opportunities.csv"), opportunities.ToString());
        var quotas = new StringBuilder("OwnerEmail,PeriodStart,PeriodEnd,Quota\n");
        foreach (var q in Quotas)
        {
            quotas.Append(q.OwnerEmail).Append(',').Append(q.PeriodStart.ToString("yyyy-MM-dd", invariant)).Append(',')
                .Append(q.PeriodEnd.ToString("yyyy-MM-dd", invariant)).Append(',').Append(q.Quota.ToString("0.00", invariant)).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, "quotas.csv"), quotas.ToString());
    }

    private void WriteDirectory(string path)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteStartArray("value");
        foreach (var u in Users)
        {
            json.WriteStartObject();
            json.WriteString("id", u.Id);
            json.WriteString("displayName", u.DisplayName);
            json.WriteString("mail", u.Mail);
            json.WriteString("userPrincipalName", u.UserPrincipalName);
            json.WriteString("jobTitle", u.JobTitle);
            json.WriteString("department", u.Department);
            json.WriteString("country", u.Country);
            json.WriteString("officeLocation", u.OfficeLocation);
            json.WriteString("employeeHireDate", u.EmployeeHireDate!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteBoolean("accountEnabled", u.AccountEnabled);
            if (u.ManagerId is { } manager)
            {
                json.WriteStartObject("manager");
                json.WriteString("id", manager);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("manager");
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
