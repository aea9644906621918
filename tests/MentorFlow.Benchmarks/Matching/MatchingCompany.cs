using MentorFlow.Workflows.Matching;

namespace MentorFlow.Benchmarks.Matching;

/// <summary>
/// A made-up company for the matching benchmark, the same for the same seed: a chief executive, one head per
/// department, directors, senior managers, managers and their teams, spread over offices in several countries (teams
/// mostly sit with their manager). Mentors are managers; mentees are mostly individual contributors, many of whom report
/// to a mentor, plus the managers who were not picked as mentors.
/// </summary>
internal sealed class MatchingCompany
{
    private static readonly (string Country, string[] Offices, int Weight)[] Regions =
    [
        ("US", ["New York", "Austin", "Chicago", "Seattle", "San Francisco"], 30),
        ("DE", ["Berlin", "Munich", "Hamburg"], 14),
        ("GB", ["London", "Manchester"], 12),
        ("FR", ["Paris", "Lyon"], 9),
        ("IN", ["Bangalore", "Pune", "Hyderabad"], 10),
        ("ES", ["Madrid", "Barcelona"], 5),
        ("NL", ["Amsterdam"], 4),
        ("PL", ["Warsaw", "Krakow"], 4),
        ("JP", ["Tokyo"], 4),
        ("SG", ["Singapore"], 3),
        ("BR", ["Sao Paulo"], 3),
        ("CA", ["Toronto", "Vancouver"], 2),
    ];

    private static readonly string[] Departments =
        ["Sales", "Marketing", "Engineering", "Product", "Finance", "Operations", "Customer Success", "People", "Legal"];

    private readonly Random random;
    private readonly List<MatchPerson> people = [];

    private MatchingCompany(int seed) => random = new Random(seed);

    public IReadOnlyList<MatchPerson> Mentees { get; private set; } = [];

    public IReadOnlyList<MentorSlot> Mentors { get; private set; } = [];

    public int Employees => people.Count;

    public static MatchingCompany Generate(int mentees, int mentors, int capacity, int seed)
    {
        var company = new MatchingCompany(seed);
        company.Build(mentees, mentors, capacity);
        return company;
    }

    private void Build(int menteeCount, int mentorCount, int capacity)
    {
        var ceo = Add(null, Departments[0], Office(null));
        var heads = Departments.Select(d => Add(ceo, d, Office(null))).ToList();
        var directors = Level(heads, Math.Max(heads.Count, mentorCount / 18), keepOffice: 0.3);
        var seniors = Level(directors, Math.Max(1, mentorCount / 5), keepOffice: 0.8);
        var managers = Level(seniors, Math.Max(1, mentorCount * 9 / 10), keepOffice: 0.75);
        var individuals = Level(managers, menteeCount + (menteeCount / 8), keepOffice: 0.8);

        var candidates = Shuffle([.. seniors, .. managers]);
        var mentors = candidates.Take(mentorCount).ToList();
        var otherManagers = candidates.Skip(mentorCount).ToList();
        Mentors = [.. mentors.Select(p => new MentorSlot(p, Math.Round(random.NextDouble(), 3), capacity))];
        Mentees = [.. otherManagers.Concat(Shuffle(individuals)).Take(menteeCount)];
    }

    // One level below the given managers: each person reports to a random manager, usually in their department and
    // office, sometimes in another office of the same country, now and then abroad or in another department.
    private List<MatchPerson> Level(IReadOnlyList<MatchPerson> managers, int count, double keepOffice)
    {
        var level = new List<MatchPerson>(count);
        for (var i = 0; i < count; i++)
        {
            var manager = managers[random.Next(managers.Count)];
            var department = random.NextDouble() < 0.95 ? manager.Department! : Departments[random.Next(Departments.Length)];
            var draw = random.NextDouble();
            var office = draw < keepOffice ? (manager.Country, manager.Office)
                : draw < keepOffice + ((1 - keepOffice) * 0.75) ? Office(manager.Country)
                : Office(null);
            level.Add(Add(manager, department, office));
        }

        return level;
    }

    private MatchPerson Add(MatchPerson? manager, string department, (string? Country, string? Office) where)
    {
        var id = $"u{people.Count:D6}";
        string[] chain = manager is null ? [] : [manager.Id, .. manager.Chain];
        var person = new MatchPerson(id, $"{id}@mentorflow.example", $"Employee {people.Count}", where.Country, where.Office, department, chain);
        people.Add(person);
        return person;
    }

    // An office in the given country, or anywhere (weighted by region size) when none is given.
    private (string? Country, string? Office) Office(string? country)
    {
        var region = country is null ? WeightedRegion() : Regions.Single(r => r.Country == country);
        return (region.Country, region.Offices[random.Next(region.Offices.Length)]);
    }

    private (string Country, string[] Offices, int Weight) WeightedRegion()
    {
        var draw = random.Next(Regions.Sum(r => r.Weight));
        foreach (var region in Regions)
        {
            if ((draw -= region.Weight) < 0)
            {
                return region;
            }
        }

        return Regions[^1];
    }

    private List<MatchPerson> Shuffle(List<MatchPerson> list)
    {
        var shuffled = list.ToArray();
        random.Shuffle(shuffled);
        return [.. shuffled];
    }
}
