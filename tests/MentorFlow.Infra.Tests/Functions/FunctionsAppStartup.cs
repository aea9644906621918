using System.Reflection;
using System.Text.RegularExpressions;
using MentorFlow.Integrations.Email;
using MentorFlow.Workflows;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MentorFlow.Infra.Tests.Functions;

/// <summary>
/// The start-up the Functions app runs, read from its Program.cs: every <c>builder.Services.AddMentorFlow…()</c> call
/// there is made here on a fresh service collection, so the options it binds and validates on start are exactly the
/// app's, and a new registration in Program.cs is checked without changing these tests.
/// </summary>
public static partial class FunctionsAppStartup
{
    // The assemblies the app's registrations live in.
    private static readonly Assembly[] Assemblies = [typeof(WorkflowServiceCollectionExtensions).Assembly, typeof(EmailOptions).Assembly];

    /// <summary>The registration methods Program.cs calls, in order.</summary>
    public static IReadOnlyList<MethodInfo> Registrations()
    {
        var source = File.ReadAllText(RepositoryPaths.FunctionsProgram);
        var calls = ServicesCall().Matches(source).Select(m => m.Groups["name"].Value).ToList();
        if (calls.Count == 0)
        {
            throw new InvalidOperationException("Program.cs of the Functions app calls no builder.Services.AddMentorFlow…(): these tests read its registrations from there.");
        }

        if (AnyServicesCall().Matches(source).Count != calls.Count)
        {
            throw new InvalidOperationException("Program.cs calls a builder.Services.AddMentorFlow…(…) with arguments, which these tests cannot replay: keep them parameterless.");
        }

        return calls.Select(name =>
        {
            var method = Assemblies.SelectMany(a => a.GetExportedTypes())
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
                .SingleOrDefault(m => m.Name == name && m.GetParameters() is [{ ParameterType: var p }] && p == typeof(IServiceCollection));
            return method ?? throw new InvalidOperationException(
                $"Program.cs calls builder.Services.{name}(), which is no parameterless IServiceCollection extension in {string.Join(", ", Assemblies.Select(a => a.GetName().Name))}: " +
                "reference its assembly from MentorFlow.Infra.Tests so its options are checked too.");
        }).ToList();
    }

    /// <summary>The app's services over the given configuration (keys with ':' or '__').</summary>
    public static ServiceProvider Services(IReadOnlyDictionary<string, string> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        foreach (var registration in Registrations())
        {
            registration.Invoke(null, [services]);
        }

        return services.BuildServiceProvider();
    }

    /// <summary>Runs the app's start-up validation (every ValidateOnStart); returns the failures, empty when it would start.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<string, string> settings)
    {
        using var provider = Services(settings);
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return ex.Failures.ToList();
        }
        catch (AggregateException ex)
        {
            return ex.Flatten().InnerExceptions.SelectMany(e => e is OptionsValidationException o ? o.Failures : [e.Message]).ToList();
        }
    }

    /// <summary>The options classes the app binds from configuration, with the section each is bound to.</summary>
    public static IReadOnlyDictionary<Type, string> BoundOptions()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        foreach (var registration in Registrations())
        {
            registration.Invoke(null, [services]);
        }

        // BindConfiguration registers a change-token source per options type; its Section constant names the section.
        return services
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(t => t.GetGenericArguments()[0])
            .Distinct()
            .ToDictionary(t => t, t => t.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string
                ?? throw new InvalidOperationException($"{t.Name} is bound from configuration but has no public const Section naming its section."));
    }

    [GeneratedRegex(@"builder\.Services\.(?<name>AddMentorFlow\w*)\(\s*\)")]
    private static partial Regex ServicesCall();

    [GeneratedRegex(@"builder\.Services\.AddMentorFlow\w*\(")]
    private static partial Regex AnyServicesCall();
}
