using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using MentorFlow.Workflows.Api;
using Microsoft.AspNetCore.Http;

namespace MentorFlow.Workflows.Dashboard;

/// <summary>
/// The HR dashboard: plain HTML, CSS and JavaScript modules (no build step) and the sample definitions, embedded in
/// this assembly and served by both hosts at <c>GET /api/dashboard/{*path}</c>. The files hold no data: the page calls
/// the HR API with the key its user enters. Every answer revalidates (<c>no-cache</c> with an ETag), so a new version
/// is picked up at once and an unchanged one costs a 304.
/// </summary>
public sealed class DashboardAssets
{
    /// <summary>The function (and local endpoint) name serving the dashboard.</summary>
    public const string FunctionName = "Dashboard";

    /// <summary>The route below the <c>api</c> prefix, the same in both hosts.</summary>
    public const string RouteTemplate = "dashboard/{*path}";

    /// <summary>Where the dashboard lives, with a trailing slash so the page's relative URLs resolve below it.</summary>
    public const string PagePath = "/" + ApiRoutes.Prefix + "/dashboard/";

    /// <summary>The prefix of the dashboard's manifest resource names (set by the csproj's EmbeddedResource item).</summary>
    public const string ResourcePrefix = "MentorFlow.Dashboard/";

    private const string IndexFile = "index.html";

    private readonly FrozenDictionary<string, DashboardAsset> assets;

    /// <summary>Reads the dashboard files embedded in <paramref name="assembly"/> under <see cref="ResourcePrefix"/>.</summary>
    public DashboardAssets(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var files = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            // %(RecursiveDir) uses the build machine's separator.
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            files[path] = new DashboardAsset(path, content, ContentTypeOf(path), "\"" + Convert.ToHexStringLower(SHA256.HashData(content)[..12]) + "\"");
        }

        if (!files.ContainsKey(IndexFile))
        {
            throw new InvalidOperationException($"The dashboard's {IndexFile} is not embedded in {assembly.GetName().Name}.");
        }

        assets = files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The dashboard embedded in MentorFlow.Workflows: immutable, read once.</summary>
    public static DashboardAssets Embedded { get; } = new(typeof(DashboardAssets).Assembly);

    /// <summary>Every file's path below <see cref="PagePath"/>, e.g. <c>js/app.js</c>.</summary>
    public IReadOnlyCollection<string> Paths => assets.Keys;

    /// <summary>A file's bytes, or null when there is no such file.</summary>
    public ReadOnlyMemory<byte>? Content(string path) => assets.TryGetValue(path, out var asset) ? asset.Content : null;

    /// <summary>The MIME type a path is served with (from its extension).</summary>
    public static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        _ => "application/octet-stream",
    };

    /// <summary>
    /// <c>GET /api/dashboard/{*path}</c>: the file the request path names; the page itself for the folder;
    /// a redirect adding the trailing slash for <c>/api/dashboard</c>; 404 for anything else.
    /// </summary>
    public IResult Serve(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The file is read from the request path rather than a bound route value, so both hosts agree on it.
        var requested = request.Path.Value ?? "";
        var folder = PagePath[..^1];
        if (requested.Equals(folder, StringComparison.OrdinalIgnoreCase))
        {
            return Results.Redirect($"{request.PathBase}{PagePath}{request.QueryString}");
        }

        if (!requested.StartsWith(PagePath, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.NotFound($"'{requested}' is not part of the dashboard.");
        }

        var path = requested[PagePath.Length..];
        if (path.Length == 0)
        {
            path = IndexFile;
        }

        return assets.TryGetValue(path, out var asset)
            ? new DashboardAssetResult(asset)
            : Problems.NotFound($"The dashboard has no file '{path}'.");
    }
}
