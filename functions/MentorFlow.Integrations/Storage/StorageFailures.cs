using System.Net.Sockets;
using Azure;
using MentorFlow.Workflows.Api;
using Microsoft.AspNetCore.Http;

namespace MentorFlow.Integrations.Storage;

/// <summary>
/// Storage (tables, or the durable engine's queues and blobs) not answering, told apart from bugs: both hosts turn it
/// into <c>503</c> problem+json with <c>Retry-After</c> in one place (a middleware each), never an empty 500.
/// </summary>
public static class StorageFailures
{
    /// <summary>
    /// True when <paramref name="exception"/> (or an exception inside it: the Azure SDK wraps retries in an
    /// <see cref="AggregateException"/>, DurableTask in its own storage exception) says storage could not be reached
    /// or failed on its side: no connection, a timeout, a 5xx or 408 from the service.
    /// </summary>
    public static bool IsStorageUnavailable(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 16; depth++)
        {
            switch (exception)
            {
                case RequestFailedException { Status: 0 or 408 or >= 500 }:
                case SocketException:
                case HttpRequestException:
                case TimeoutException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsStorageUnavailable):
                    return true;
            }

            exception = exception.InnerException;
        }

        return false;
    }

    /// <summary>The 503 a request gets when storage did not answer.</summary>
    public static IResult Unavailable() => new RetryAfterResult(Problems.Create(
        StatusCodes.Status503ServiceUnavailable,
        "Storage is unavailable.",
        $"MentorFlow could not reach its storage; the request may not have been completed. Retry in {RetryAfterResult.Seconds} s " +
        "(a retried submission with the same Idempotency-Key returns the first program)."));
}
