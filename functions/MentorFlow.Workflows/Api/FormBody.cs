using Microsoft.AspNetCore.Http;

namespace MentorFlow.Workflows.Api;

/// <summary>Reads the form a link's page posts, without letting a malformed one become a 500.</summary>
internal static class FormBody
{
    /// <summary>
    /// The form's fields, or null when the body is no well-formed form: a NUL or an invalid escape in a field, more
    /// fields or longer values than the form limits allow, a body cut short.
    /// </summary>
    public static async Task<IFormCollection?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return null;
        }
    }
}
