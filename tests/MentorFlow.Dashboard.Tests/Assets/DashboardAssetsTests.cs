using System.Text;
using System.Text.RegularExpressions;
using MentorFlow.Testing;
using MentorFlow.Workflows.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MentorFlow.Dashboard.Tests.Assets;

/// <summary>The embedded files and how they are served: types, caching, redirects, and that every reference resolves.</summary>
public sealed partial class DashboardAssetsTests
{
    private static readonly DashboardAssets Assets = DashboardAssets.Embedded;

    [Fact]
    public async Task Serve_Folder_ReturnsThePageWithSecurityHeaders()
    {
        var response = await ServeAsync("/api/dashboard/");

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Equal("no-cache", response.Headers.CacheControl.ToString());
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        Assert.Contains("script-src 'self'", response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Contains("<script type=\"module\" src=\"js/app.js\"></script>", Body(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_FolderWithoutTrailingSlash_RedirectsSoRelativeUrlsResolve()
    {
        var response = await ServeAsync("/api/dashboard", pathBase: "/base", query: "?x=1");

        Assert.Equal(StatusCodes.Status302Found, response.StatusCode);
        Assert.Equal("/base/api/dashboard/?x=1", response.Headers.Location.ToString());
    }

    [Theory]
    [InlineData("/api/dashboard/js/app.js", "text/javascript; charset=utf-8")]
    [InlineData("/api/dashboard/dashboard.css", "text/css; charset=utf-8")]
    [InlineData("/api/dashboard/favicon.svg", "image/svg+xml")]
    [InlineData("/api/dashboard/samples/sales-leadership-2027.json", "application/json; charset=utf-8")]
    public async Task Serve_File_UsesTheContentTypeOfItsExtension(string path, string contentType)
    {
        var response = await ServeAsync(path);

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.Equal(contentType, response.ContentType);
        Assert.Equal("no-cache", response.Headers.CacheControl.ToString());
        Assert.Empty(response.Headers.ContentSecurityPolicy.ToString());
    }

    [Fact]
    public async Task Serve_IfNoneMatchWithCurrentETag_Returns304WithoutBody()
    {
        var first = await ServeAsync("/api/dashboard/js/app.js");
        var etag = first.Headers.ETag.ToString();

        var second = await ServeAsync("/api/dashboard/js/app.js", ifNoneMatch: etag);

        Assert.StartsWith("\"", etag, StringComparison.Ordinal);
        Assert.Equal(StatusCodes.Status304NotModified, second.StatusCode);
        Assert.Equal(etag, second.Headers.ETag.ToString());
        Assert.Equal(0, second.Body.Length);
    }

    [Fact]
    public async Task Serve_IfNoneMatchWithOldETag_ReturnsTheFile()
    {
        var response = await ServeAsync("/api/dashboard/js/app.js", ifNoneMatch: "\"0123456789abcdef01234567\"");

        Assert.Equal(StatusCodes.Status200OK, response.StatusCode);
        Assert.True(response.Body.Length > 0);
    }

    [Theory]
    [InlineData("/api/dashboard/missing.js")]
    [InlineData("/api/dashboard/../programs")]
    [InlineData("/api/dashboard/js")]
    [InlineData("/api/programs")]
    public async Task Serve_NoSuchFile_Returns404Problem(string path)
    {
        var response = await ServeAsync(path);

        Assert.Equal(StatusCodes.Status404NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.ContentType);
    }

    [Fact]
    public void Embedded_EveryFile_HasAKnownContentType()
    {
        Assert.Contains("index.html", Assets.Paths);
        Assert.All(Assets.Paths, path => Assert.NotEqual("application/octet-stream", DashboardAssets.ContentTypeOf(path)));
    }

    [Fact]
    public void Embedded_Samples_AreTheRepositorysSampleFiles()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.RepositoryRoot, "samples", "programs"), "*.json"))
        {
            var embedded = Assets.Content("samples/" + Path.GetFileName(file));
            Assert.True(embedded is not null, $"samples/{Path.GetFileName(file)} is not embedded in the dashboard.");
            Assert.Equal(File.ReadAllBytes(file), embedded.Value.ToArray());
        }
    }

    [Fact]
    public void Embedded_EveryFileThePageReferences_IsEmbedded()
    {
        // Without a build step nothing else would notice a module import or a link to a file that is not there.
        var missing = new List<string>();
        foreach (var path in Assets.Paths.Where(p => p.EndsWith(".js", StringComparison.Ordinal) || p.EndsWith(".html", StringComparison.Ordinal)))
        {
            var text = Encoding.UTF8.GetString(Assets.Content(path)!.Value.Span);
            var references = path.EndsWith(".js", StringComparison.Ordinal) ? ModuleImport().Matches(text) : HtmlReference().Matches(text);
            foreach (Match reference in references)
            {
                var target = Resolve(path, reference.Groups["ref"].Value);
                if (!Assets.Paths.Contains(target))
                {
                    missing.Add($"{path} → {reference.Groups["ref"].Value}");
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Embedded_Scripts_HaveNoInlineHandlersOrHtmlInjection()
    {
        // The page's CSP forbids inline scripts; API data is only ever set as text.
        var index = Encoding.UTF8.GetString(Assets.Content("index.html")!.Value.Span);
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)", index);
        Assert.DoesNotMatch(@"\son[a-z]+=""", index);
        foreach (var path in Assets.Paths.Where(p => p.EndsWith(".js", StringComparison.Ordinal)))
        {
            var text = Encoding.UTF8.GetString(Assets.Content(path)!.Value.Span);
            Assert.DoesNotContain("innerHTML", text, StringComparison.Ordinal);
            Assert.DoesNotContain("insertAdjacentHTML", text, StringComparison.Ordinal);
            Assert.DoesNotContain("eval(", text, StringComparison.Ordinal);
        }
    }

    private static string Resolve(string from, string reference)
    {
        var folder = from.Contains('/', StringComparison.Ordinal) ? from[..from.LastIndexOf('/')] : "";
        var parts = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var part in reference.Split('/'))
        {
            switch (part)
            {
                case ".":
                    break;
                case "..":
                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(part);
                    break;
            }
        }

        return string.Join('/', parts);
    }

    private static async Task<HttpResponse> ServeAsync(string path, string pathBase = "", string query = "", string? ifNoneMatch = null)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider(),
        };
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = path;
        context.Request.PathBase = pathBase;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        if (ifNoneMatch is not null)
        {
            context.Request.Headers.IfNoneMatch = ifNoneMatch;
        }

        context.Response.Body = new MemoryStream();
        await Assets.Serve(context.Request).ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return context.Response;
    }

    private static string Body(HttpResponse response) => new StreamReader(response.Body).ReadToEnd();

    [GeneratedRegex(@"(?:import|from)\s+['""](?<ref>\.{1,2}/[^'""]+)['""]")]
    private static partial Regex ModuleImport();

    [GeneratedRegex(@"(?:src|href)=""(?<ref>(?!#|https?:|/)[^""]+)""")]
    private static partial Regex HtmlReference();
}
