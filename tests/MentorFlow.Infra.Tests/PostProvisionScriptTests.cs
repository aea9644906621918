using System.Diagnostics;
using MentorFlow.Infra.Tests.Deployment;
using MentorFlow.Integrations.SendGridEvents;

namespace MentorFlow.Infra.Tests;

/// <summary>
/// scripts/postprovision.sh run with POSIX sh against stand-ins for az and azd that record every call and answer as
/// Azure, Dataverse and SendGrid would: what it changes, what it leaves alone, and how it fails.
/// </summary>
public sealed class PostProvisionScriptTests : IDisposable
{
    private const string PrincipalId = "11111111-1111-1111-1111-111111111111";
    private const string ClientId = "22222222-2222-2222-2222-222222222222";
    private const string WebhookUrl = "https://func-mentorflow-x.azurewebsites.net/api/sendgrid/events";

    private readonly string folder = Directory.CreateTempSubdirectory("mentorflow-postprovision-").FullName;

    [Fact]
    public async Task Run_WithNothingOptional_GrantsGraphOnly_AndSaysWhatToDo()
    {
        // The app's directory is Microsoft Graph, so the grant is the default; nothing else changes without its variable.
        var run = await RunAsync();

        Assert.Equal(0, run.ExitCode);
        var post = Assert.Single(run.Calls, c => c.Contains("--method post", StringComparison.Ordinal) || c.Contains("--method patch", StringComparison.Ordinal));
        Assert.Contains($"https://graph.microsoft.com/v1.0/servicePrincipals/{PrincipalId}/appRoleAssignments", post, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Calls, c => c.Contains("appsettings set", StringComparison.Ordinal));
        Assert.Contains(WebhookUrl, run.Output, StringComparison.Ordinal);
        Assert.Contains("Dataverse: skipped", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    public async Task Graph_ByDefaultOrWhenAsked_GrantsUserReadAllToTheIdentity(string? value)
    {
        var run = value is null ? await RunAsync() : await RunAsync(("GRANT_GRAPH_USER_READ_ALL", value));

        Assert.Equal(0, run.ExitCode);
        var grant = Assert.Single(run.Calls, c => c.Contains("--method post", StringComparison.Ordinal));
        Assert.Contains($"https://graph.microsoft.com/v1.0/servicePrincipals/{PrincipalId}/appRoleAssignments", grant, StringComparison.Ordinal);
        Assert.Contains($"\"principalId\":\"{PrincipalId}\"", grant, StringComparison.Ordinal);
        Assert.Contains("\"resourceId\":\"graph-service-principal\"", grant, StringComparison.Ordinal);
        Assert.Contains("\"appRoleId\":\"df021288-bdef-4463-88db-98f22de89214\"", grant, StringComparison.Ordinal); // User.Read.All
        Assert.Contains("Graph: granted User.Read.All", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_TurnedOff_GrantsNothing_AndSaysWhatIsMissing()
    {
        var run = await RunAsync(("GRANT_GRAPH_USER_READ_ALL", "false"));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(run.Calls, c => c.Contains("graph.microsoft.com", StringComparison.Ordinal) || c.Contains("ad sp show", StringComparison.Ordinal));
        Assert.Contains("Graph: skipped", run.Output, StringComparison.Ordinal);
        Assert.Contains("User.Read.All", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Graph_AnUnknownSwitchValue_FailsTheStep()
    {
        var run = await RunAsync(("GRANT_GRAPH_USER_READ_ALL", "yes"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GRANT_GRAPH_USER_READ_ALL must be true or false", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(run.Calls, c => c.Contains("graph.microsoft.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Graph_AlreadyGranted_GrantsNothing()
    {
        var run = await RunAsync(("GRANT_GRAPH_USER_READ_ALL", "true"), ("FAKE_GRAPH_GRANTS", "1"));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(run.Calls, c => c.Contains("--method post", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("MENTORFLOW_DATAVERSE_URL")] // the deployment's output, as azd hands it over
    [InlineData("DATAVERSE_URL")] // the azd variable the deployment was made from
    public async Task Dataverse_WhenTheCrm_CreatesTheApplicationUser_WithTheRole(string urlVariable)
    {
        var run = await RunAsync(
            ("GRANT_GRAPH_USER_READ_ALL", "false"),
            ("MENTORFLOW_CRM_PROVIDER", "Dataverse"),
            (urlVariable, "https://contoso.crm4.dynamics.com/"),
            ("DATAVERSE_SECURITY_ROLE", "MentorFlow Reader"));

        Assert.Equal(0, run.ExitCode);
        var create = Assert.Single(run.Calls, c => c.Contains("--method post --url https://contoso.crm4.dynamics.com/api/data/v9.2/systemusers ", StringComparison.Ordinal));
        Assert.Contains($"\"applicationid\":\"{ClientId}\"", create, StringComparison.Ordinal);
        Assert.Contains("\"businessunitid@odata.bind\":\"/businessunits(root-unit)\"", create, StringComparison.Ordinal);
        Assert.Contains("--resource https://contoso.crm4.dynamics.com", create, StringComparison.Ordinal);
        Assert.Contains(run.Calls, c => c.Contains("name%20eq%20'MentorFlow%20Reader'", StringComparison.Ordinal));
        var role = Assert.Single(run.Calls, c => c.Contains("systemuserroles_association/$ref", StringComparison.Ordinal));
        Assert.Contains("\"@odata.id\":\"https://contoso.crm4.dynamics.com/api/data/v9.2/roles(reader-role)\"", role, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dataverse_WhenTheCrmIsSalesforce_IsSkipped()
    {
        var run = await RunAsync(("GRANT_GRAPH_USER_READ_ALL", "false"), ("MENTORFLOW_CRM_PROVIDER", "Salesforce"), ("DATAVERSE_URL", "https://contoso.crm4.dynamics.com"));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(run.Calls, c => c.Contains("dynamics.com", StringComparison.Ordinal));
        Assert.Contains("Dataverse: skipped (the CRM is Salesforce)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendGrid_WithASetupKey_SignsTheWebhook_AndGivesTheAppItsKey()
    {
        var run = await RunAsync(("SENDGRID_WEBHOOK_SETUP_API_KEY", "SG.setup-key"), ("AZURE_ENV_NAME", "prod"));

        Assert.Equal(0, run.ExitCode);
        var create = Assert.Single(run.Calls, c => c.Contains("--method post --url https://api.sendgrid.com/v3/user/webhooks/event/settings ", StringComparison.Ordinal));
        Assert.Contains($"\"url\":\"{WebhookUrl}\"", create, StringComparison.Ordinal);
        Assert.Contains("\"bounce\":true", create, StringComparison.Ordinal);
        Assert.Contains("\"dropped\":true", create, StringComparison.Ordinal);
        Assert.Contains(run.Calls, c => c.Contains("--method patch --url https://api.sendgrid.com/v3/user/webhooks/event/settings/signed/webhook-1", StringComparison.Ordinal));

        // The setting is the one SendGridEventWebhookOptions binds, and azd keeps the key for the next provision.
        var setting = SendGridEventWebhookOptions.Section.Replace(":", "__", StringComparison.Ordinal) + "__" + nameof(SendGridEventWebhookOptions.PublicKey);
        Assert.Contains(run.Calls, c => c.StartsWith("az functionapp config appsettings set", StringComparison.Ordinal) && c.Contains($"--settings {setting}=SIGNING-PUBLIC-KEY", StringComparison.Ordinal));
        Assert.Contains("azd env set SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY SIGNING-PUBLIC-KEY", run.Calls);
        Assert.Contains("SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY", AzdParameters.Variables().Keys);

        // The API key never appears on a command line.
        Assert.DoesNotContain(run.Calls, c => c.Contains("SG.setup-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendGrid_WebhookAlreadyThere_IsUpdatedNotDuplicated()
    {
        var run = await RunAsync(("SENDGRID_WEBHOOK_SETUP_API_KEY", "SG.setup-key"), ("FAKE_SENDGRID_WEBHOOK", "webhook-7"));

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain(run.Calls, c => c.Contains("--method post", StringComparison.Ordinal) && c.Contains("sendgrid.com", StringComparison.Ordinal));
        Assert.Contains(run.Calls, c => c.Contains("--method patch --url https://api.sendgrid.com/v3/user/webhooks/event/settings/webhook-7 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStepThatFails_FailsTheRun_AfterTheOtherStepsRan()
    {
        var run = await RunAsync(("GRANT_GRAPH_USER_READ_ALL", "true"), ("FAKE_FAIL_GRAPH_GRANT", "1"), ("SENDGRID_WEBHOOK_SETUP_API_KEY", "SG.setup-key"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("failed: Graph", run.Error, StringComparison.Ordinal);
        Assert.Contains(run.Calls, c => c.Contains("appsettings set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingDeploymentOutputs_StopTheRun_NamingTheVariable()
    {
        var run = await RunAsync(("AZURE_MANAGED_IDENTITY_PRINCIPAL_ID", ""));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("AZURE_MANAGED_IDENTITY_PRINCIPAL_ID is not set", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Calls);
    }

    [Fact]
    public void Script_ReadsOnlyOutputsTheTemplateHas()
    {
        var script = File.ReadAllText(RepositoryPaths.PostProvisionScript);
        var outputs = File.ReadAllLines(RepositoryPaths.MainBicep)
            .Where(l => l.StartsWith("output ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1])
            .ToHashSet();

        foreach (var name in new[] { "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "AZURE_MANAGED_IDENTITY_PRINCIPAL_ID", "AZURE_MANAGED_IDENTITY_CLIENT_ID", "SENDGRID_EVENT_WEBHOOK_URL", "MENTORFLOW_PUBLIC_BASE_URL", "SERVICE_API_URI", "MENTORFLOW_CRM_PROVIDER", "MENTORFLOW_DATAVERSE_URL" })
        {
            Assert.Contains(name, script, StringComparison.Ordinal);
            Assert.Contains(name, outputs);
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private async Task<(int ExitCode, string Output, string Error, IReadOnlyList<string> Calls)> RunAsync(params (string Name, string Value)[] environment)
    {
        var bin = Path.Combine(folder, "bin");
        Directory.CreateDirectory(bin);
        var log = Path.Combine(folder, "calls.log");
        WriteTool(Path.Combine(bin, "az"), FakeAz);
        WriteTool(Path.Combine(bin, "azd"), "#!/bin/sh\nprintf 'azd %s\\n' \"$*\" >>\"$FAKE_LOG\"\n");

        var start = new ProcessStartInfo("sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Repository,
        };
        start.ArgumentList.Add(RepositoryPaths.PostProvisionScript);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AZURE_", StringComparison.Ordinal) || k.StartsWith("SENDGRID", StringComparison.Ordinal) || k.StartsWith("DATAVERSE", StringComparison.Ordinal) || k.StartsWith("GRANT_", StringComparison.Ordinal) || k.StartsWith("MENTORFLOW_", StringComparison.Ordinal) || k.StartsWith("CRM_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["FAKE_LOG"] = log;
        start.Environment["FAKE_STATE"] = folder;
        start.Environment["AZURE_RESOURCE_GROUP"] = "rg-prod";
        start.Environment["AZURE_FUNCTION_APP_NAME"] = "func-mentorflow-x";
        start.Environment["AZURE_MANAGED_IDENTITY_PRINCIPAL_ID"] = PrincipalId;
        start.Environment["AZURE_MANAGED_IDENTITY_CLIENT_ID"] = ClientId;
        start.Environment["SENDGRID_EVENT_WEBHOOK_URL"] = WebhookUrl;
        start.Environment["MENTORFLOW_PUBLIC_BASE_URL"] = "https://func-mentorflow-x.azurewebsites.net";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        var calls = File.Exists(log) ? await File.ReadAllLinesAsync(log) : [];
        return (process.ExitCode, await output, await error, calls);
    }

    private static void WriteTool(string path, string text)
    {
        File.WriteAllText(path, text);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The post-provision script is POSIX sh; these tests run it on Linux.");
        }

        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    // Answers like az would, from the arguments; records each call as one line.
    private const string FakeAz = """
        #!/bin/sh
        printf 'az %s\n' "$*" >>"$FAKE_LOG"
        case "$*" in
          *"ad sp show"*) echo graph-service-principal ;;
          *"--method post"*"graph.microsoft.com"*) [ -z "${FAKE_FAIL_GRAPH_GRANT:-}" ] || exit 1 ;;
          *"graph.microsoft.com"*"appRoleAssignments"*) echo "${FAKE_GRAPH_GRANTS:-0}" ;;
          *"businessunits?"*) echo root-unit ;;
          *"--method post"*"/systemusers "*) touch "$FAKE_STATE/user-created" ;;
          *"systemusers?"*) [ -f "$FAKE_STATE/user-created" ] && echo app-user || echo "" ;;
          *"roles?"*) echo reader-role ;;
          *"systemuserroles_association?"*) echo 0 ;;
          *"event/settings/all"*) echo "${FAKE_SENDGRID_WEBHOOK:-}" ;;
          *"--method post"*"event/settings"*) echo webhook-1 ;;
          *"event/settings/signed/"*) echo SIGNING-PUBLIC-KEY ;;
        esac
        exit 0
        """;
}
