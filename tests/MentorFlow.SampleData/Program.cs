using System.Globalization;
using MentorFlow.SampleData;

// dotnet run --project tests/MentorFlow.SampleData -- [folder] [people] [seed] [asOf yyyy-MM-dd]
var folder = args.Length > 0 ? args[0] : Path.Combine("samples", "company");
var people = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : SampleDefaults.People;
var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : SampleDefaults.Seed;
var asOf = args.Length > 3 ? DateOnly.Parse(args[3], CultureInfo.InvariantCulture) : SampleDefaults.AsOf;

var company = SampleCompany.Generate(people, seed, asOf);
company.Write(folder);
Console.WriteLine($"Wrote {company.Users.Count} people, {company.Opportunities.Count} opportunities and {company.Quotas.Count} quota periods to {Path.GetFullPath(folder)}.");
