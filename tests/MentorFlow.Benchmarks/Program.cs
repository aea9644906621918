using System.Diagnostics;
using System.Globalization;
using MentorFlow.Benchmarks;

// The Criteria stage at scale (issue 4): 50,000 people and 500,000 opportunities. Each section runs in a child process
// of its own, so the time and peak memory it prints are its own:
//   criteria  load, join, evaluate, rank and serialise from the files: time, people per second, peak memory
//   sources   HTTP requests of the real Graph, Dataverse and Salesforce adapters against local fakes serving that data
//   emails    nomination emails per approver from the real Criteria and approval-request activities
//   history   the durable history of a program run through Criteria on the real local host over Azurite, and the
//             time to write the candidate rows to table storage
//   dotnet run -c Release --project tests/MentorFlow.Benchmarks [-- [section ...] [people [opportunities]]]
// Figures read the same on every machine.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is ["--section", var name, var dataFolder])
{
    return await Sections.RunAsync(name, BenchmarkData.At(dataFolder));
}

var arguments = BenchmarkArguments.Parse(args);
if (arguments.Problem is { } problem)
{
    Console.Error.WriteLine(problem);
    return 2;
}

var data = BenchmarkData.Ensure(arguments.People, arguments.Opportunities);
var self = typeof(Sections).Assembly.Location;
foreach (var section in arguments.SectionNames)
{
    var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
    foreach (var argument in new[] { self, "--section", section, data.Folder })
    {
        start.ArgumentList.Add(argument);
    }

    using var child = Process.Start(start)!;
    await child.WaitForExitAsync();
    if (child.ExitCode != 0)
    {
        Console.Error.WriteLine($"The {section} section failed (exit code {child.ExitCode}).");
        return child.ExitCode;
    }

    Console.WriteLine();
}

return 0;
