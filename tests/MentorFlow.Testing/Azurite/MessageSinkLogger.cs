using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MentorFlow.Testing;

/// <summary>
/// Sends a fixture's log to xunit's diagnostic messages, the only output channel a fixture has (shown with
/// diagnosticMessages enabled in xunit.runner.json).
/// </summary>
internal sealed class MessageSinkLogger : ILogger
{
    private readonly IMessageSink _sink;

    public MessageSinkLogger(IMessageSink sink)
    {
        _sink = sink;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = $"[Azurite] {logLevel}: {formatter(state, exception)}";
        _sink.OnMessage(new DiagnosticMessage(exception is null ? message : $"{message}{Environment.NewLine}{exception}"));
    }
}
