using System.Net;
using System.Text.Json;
using MentorFlow.Workflows.CompanyDirectory;
using MentorFlow.Workflows.Ports;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace MentorFlow.Integrations.CompanyDirectory;

/// <summary>
/// The directory from Microsoft Graph with the Graph SDK: every user in pages of 999 (<c>$top=999</c>), only the
/// properties MentorFlow uses (<c>$select</c>) and each manager's id (<c>$expand=manager($select=id)</c>), following
/// <c>@odata.nextLink</c> — never a request per user. The users are loaded once and reused for
/// <c>MentorFlow:Directory:Graph:CacheDuration</c>; look-ups by email and manager are answered from that list. The
/// SDK's retry handler (on, and tested) retries 429, 500, 502, 503 and 504, honouring <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// Graph documents that a query with <c>$expand</c> on directory objects returns at most 100 objects a page, whatever
/// <c>$top</c> asks; this adapter follows whatever pages Graph serves, so against the real service a load takes
/// ceil(N / 100) requests rather than ceil(N / 999).
/// </remarks>
public sealed partial class GraphDirectory : IDirectory
{
    /// <summary>The service key of the Graph client and of the <c>TokenCredential</c> this directory uses.</summary>
    public const string ServiceKey = "MentorFlow:Directory:Graph";

    /// <summary>The provider name in <c>MentorFlow:Directory:Provider</c>.</summary>
    public const string ProviderName = "Graph";

    internal const int PageSize = 999;
    internal const string ManagerExpand = "manager($select=id)";

    /// <summary>The user properties read: exactly those <see cref="DirectoryUser"/> carries.</summary>
    internal static readonly string[] SelectedProperties =
    [
        "id", "displayName", "mail", "userPrincipalName", "jobTitle", "department", "country", "officeLocation",
        "employeeHireDate", "accountEnabled",
    ];

    // A request with its retries; Retry-After waits (up to the SDK's 180 s cap) happen inside it.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(5);

    private readonly GraphServiceClient client;
    private readonly TimeSpan cacheDuration;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private Snapshot? snapshot;

    public GraphDirectory(GraphServiceClient client, IOptions<DirectoryOptions> options, TimeProvider time, ILogger<GraphDirectory> logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        this.client = client;
        cacheDuration = options.Value.Graph?.CacheDuration ?? new GraphDirectoryOptions().CacheDuration;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Whether <c>MentorFlow:Directory:Provider</c> names Graph (ignoring case).</summary>
    public static bool IsProvider(string? provider) => string.Equals(provider, ProviderName, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A Graph client on <paramref name="options"/>' base URL with the SDK's default middleware, its retry handler set
    /// from the options (429, 500, 502, 503, 504; Retry-After honoured), and <paramref name="counter"/> innermost so every
    /// attempt is counted. Tests pass an anonymous authentication provider and a local fake's URL.
    /// </summary>
    public static GraphServiceClient CreateClient(GraphDirectoryOptions options, IAuthenticationProvider authenticationProvider, GraphRequestCounter? counter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(authenticationProvider);
        var retry = new RetryHandlerOption
        {
            MaxRetry = options.MaxRetries,
            Delay = options.RetryDelaySeconds,

            // The SDK's default is 429, 503 and 504; a 500 or 502 from Graph is as often transient, and a GET is safe to repeat.
            ShouldRetry = (_, _, response) => response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
                or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        };

        var handlers = GraphClientFactory.CreateDefaultHandlers();
        var position = handlers.ToList().FindIndex(h => h is RetryHandler);
        if (position < 0)
        {
            throw new InvalidOperationException("The Graph SDK's default middleware has no retry handler to configure.");
        }

        handlers[position] = new RetryHandler(retry);
        if (counter is not null)
        {
            handlers.Add(counter.CreateHandler());
        }

        var httpClient = GraphClientFactory.Create(handlers);
        httpClient.Timeout = RequestTimeout;
        return new GraphServiceClient(httpClient, authenticationProvider, options.BaseUrl.AbsoluteUri.TrimEnd('/'));
    }

    /// <inheritdoc />
    public async Task<DirectoryUser?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        (await GetSnapshotAsync(cancellationToken)).ByEmail.GetValueOrDefault(email);

    /// <inheritdoc />
    public async Task<DirectoryUser?> FindManagerAsync(string email, CancellationToken cancellationToken)
    {
        var directory = await GetSnapshotAsync(cancellationToken);
        return directory.ByEmail.GetValueOrDefault(email) is { ManagerId: { } managerId }
            ? directory.ById.GetValueOrDefault(managerId)
            : null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DirectoryUser>> ListUsersAsync(CancellationToken cancellationToken) =>
        (await GetSnapshotAsync(cancellationToken)).Users;

    private async Task<Snapshot> GetSnapshotAsync(CancellationToken cancellationToken)
    {
        if (snapshot is { } fresh && time.GetUtcNow() - fresh.LoadedAt < cacheDuration)
        {
            return fresh;
        }

        // One load at a time: callers arriving during a load wait for it instead of starting their own.
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (snapshot is { } loaded && time.GetUtcNow() - loaded.LoadedAt < cacheDuration)
            {
                return loaded;
            }

            snapshot = await LoadAsync(cancellationToken);
            return snapshot;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        Action<RequestConfiguration<Microsoft.Graph.Users.UsersRequestBuilder.UsersRequestBuilderGetQueryParameters>> query = request =>
        {
            request.QueryParameters.Top = PageSize;
            request.QueryParameters.Select = SelectedProperties;
            request.QueryParameters.Expand = [ManagerExpand];
        };
        var url = client.Users.ToGetRequestInformation(query).URI;
        var users = new List<DirectoryUser>();
        var pages = 0;
        try
        {
            var page = await client.Users.GetAsync(query, cancellationToken);
            while (true)
            {
                pages++;
                if (page?.Value is null)
                {
                    throw Malformed(url, "has no \"value\" array of users");
                }

                foreach (var user in page.Value)
                {
                    users.Add(ToDirectoryUser(user, url));
                }

                if (page.OdataNextLink is not { } nextLink)
                {
                    break;
                }

                url = NextLink(nextLink, url);
                page = await client.Users.WithUrl(url.AbsoluteUri).GetAsync(cancellationToken: cancellationToken);
            }
        }
        catch (Exception e) when (Translate(e, url, cancellationToken) is { } translated)
        {
            throw translated;
        }

        LogLoaded(logger, users.Count, pages, time.GetElapsedTime(started).TotalMilliseconds);
        return new Snapshot(users, time.GetUtcNow());
    }

    private static DirectoryUser ToDirectoryUser(User user, Uri page)
    {
        if (string.IsNullOrEmpty(user?.Id))
        {
            throw Malformed(page, "has a user without an id");
        }

        return new DirectoryUser(
            user.Id,
            string.IsNullOrEmpty(user.DisplayName) ? user.Id : user.DisplayName,
            user.Mail,
            user.UserPrincipalName,
            user.JobTitle,
            user.Department,
            user.Country,
            user.OfficeLocation,
            user.EmployeeHireDate,

            // As in the file directory: only an explicit false disables.
            user.AccountEnabled != false,
            user.Manager?.Id);
    }

    /// <summary>The next page, which must be on the same host: the bearer token goes with it.</summary>
    private static Uri NextLink(string nextLink, Uri current)
    {
        if (!Uri.TryCreate(nextLink, UriKind.Absolute, out var next)
            || Uri.Compare(next, current, UriComponents.SchemeAndServer, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw Malformed(current, $"has an @odata.nextLink '{nextLink}' that is not an absolute URL on {current.GetLeftPart(UriPartial.Authority)}");
        }

        return next;
    }

    /// <summary>What went wrong, said with the request it happened to; null for the caller's own cancellation.</summary>
    private static GraphDirectoryException? Translate(Exception e, Uri url, CancellationToken cancellationToken) => e switch
    {
        GraphDirectoryException => null,
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        ODataError { Error: { } error } odata => new GraphDirectoryException(
            $"Microsoft Graph answered {odata.ResponseStatusCode} to GET {url}: {error.Code}: {error.Message}"
            + (odata.ResponseStatusCode == (int)HttpStatusCode.Forbidden ? " (the app needs the User.Read.All application permission)" : ""),
            e)
        {
            StatusCode = odata.ResponseStatusCode,
        },
        ApiException api => new GraphDirectoryException($"Microsoft Graph answered {api.ResponseStatusCode} to GET {url}: {api.Message}", e)
        {
            StatusCode = api.ResponseStatusCode,
        },

        // The SDK's retry handler gave up: its inner exceptions hold each answer.
        AggregateException { InnerExceptions: [.., ApiException last] } => new GraphDirectoryException(
            $"Microsoft Graph still answered {last.ResponseStatusCode} to GET {url} after the SDK's retries: {e.Message}", e)
        {
            StatusCode = last.ResponseStatusCode,
        },
        HttpRequestException or TaskCanceledException => new GraphDirectoryException($"Microsoft Graph could not be reached for GET {url}: {e.Message}", e),

        // The SDK could not read the page: not JSON, or JSON of another shape.
        JsonException or InvalidOperationException or FormatException => Malformed(url, $"could not be read as users: {e.Message}", e),
        _ => null,
    };

    private static GraphDirectoryException Malformed(Uri url, string problem, Exception? inner = null)
    {
        var message = $"Microsoft Graph page {url} {problem}.";
        return inner is null ? new GraphDirectoryException(message) : new GraphDirectoryException(message, inner);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} users from Microsoft Graph in {Pages} pages ({ElapsedMs} ms)")]
    private static partial void LogLoaded(ILogger logger, int count, int pages, double elapsedMs);

    private sealed class Snapshot
    {
        public Snapshot(IReadOnlyList<DirectoryUser> users, DateTimeOffset loadedAt)
        {
            Users = users;
            LoadedAt = loadedAt;
            ById = new Dictionary<string, DirectoryUser>(users.Count, StringComparer.Ordinal);
            ByEmail = new Dictionary<string, DirectoryUser>(users.Count, StringComparer.OrdinalIgnoreCase);
            foreach (var user in users)
            {
                ById.TryAdd(user.Id, user);
                if (user.Email is { Length: > 0 } email)
                {
                    ByEmail.TryAdd(email, user);
                }
            }
        }

        public IReadOnlyList<DirectoryUser> Users { get; }

        public DateTimeOffset LoadedAt { get; }

        public Dictionary<string, DirectoryUser> ById { get; }

        public Dictionary<string, DirectoryUser> ByEmail { get; }
    }
}
