using System.Security.Cryptography;
using System.Text;
using MentorFlow.Workflows.Api;

namespace MentorFlow.Local.Hosting;

/// <summary>
/// The local stand-in for Azure Functions' function keys: the key in the <c>x-functions-key</c> header or the
/// <c>code</c> query parameter, as the Functions host accepts it.
/// </summary>
internal sealed class ApiKeyFilter(string apiKey) : IEndpointFilter
{
    public const string HeaderName = "x-functions-key";

    private readonly byte[] expected = Encoding.UTF8.GetBytes(apiKey);

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var given = request.Headers[HeaderName].ToString();
        if (given.Length == 0)
        {
            given = request.Query["code"].ToString();
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected))
        {
            return ValueTask.FromResult<object?>(Problems.Create(
                StatusCodes.Status401Unauthorized,
                "An API key is required.",
                $"Send the key in the {HeaderName} header (or the code query parameter); the local host prints it at start."));
        }

        return next(context);
    }
}
