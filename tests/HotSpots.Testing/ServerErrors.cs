using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace HotSpots.Testing;

/// <summary>
/// The errors the app under test logged (level Error and above, with their exceptions), so that a test that sees a 500
/// can say what threw: the error page itself hides it, as it must.
/// </summary>
public sealed class ServerErrors : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    /// <summary>The first few errors, cut short, for a failure message.</summary>
    public string Summary(int take = 3) =>
        _entries.IsEmpty ? "(the server logged no error)" : string.Join("\n---\n", _entries.Take(take).Select(e => e.Length > 2500 ? e[..2500] + "…" : e));

    public ILogger CreateLogger(string categoryName) => new Collector(categoryName, _entries);

    public void Dispose() { }

    private sealed class Collector(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || entries.Count >= 200) return;
            entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
        }
    }
}
