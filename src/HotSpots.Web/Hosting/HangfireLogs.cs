using Hangfire.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace HotSpots.Web.Hosting;

/// <summary>
/// Hangfire's logs into the app's logging. Hangfire keeps its log provider in one process-wide static, so it can
/// outlive the app that set it (a second app in one process, as in the tests, sets its own, then stops): a logger
/// whose factory has been disposed then drops the message instead of failing the job or the request that logged it.
/// </summary>
internal sealed class HangfireLogs(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name) => new ForwardingLog(factory, name);

    private sealed class ForwardingLog(ILoggerFactory factory, string name) : ILog
    {
        private ILogger? _logger;

        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            ILogger logger;
            try
            {
                logger = _logger ??= factory.CreateLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
            var level = logLevel switch
            {
                HangfireLevel.Trace => LogLevel.Trace,
                HangfireLevel.Debug => LogLevel.Debug,
                HangfireLevel.Info => LogLevel.Information,
                HangfireLevel.Warn => LogLevel.Warning,
                HangfireLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            if (messageFunc is null) return logger.IsEnabled(level);
            try
            {
                logger.Log(level, 0, exception, "{Message}", messageFunc());
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
            return true;
        }
    }
}
