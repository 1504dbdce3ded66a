using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>
/// Runs one runtime's CLI: argv in, output out, and a classified <see cref="BridgeException"/> for a non-zero exit.
/// Shared by every dialect so that process handling and error shaping are the same everywhere. Every call is logged
/// at Debug on <see cref="Logger"/> (argv with <see cref="CliArgvRedaction"/> applied, duration, exit code); a process
/// a dialect streams from (<see cref="CreateRequest"/>) is logged when it starts. Values a call names as secret (a
/// container's secret arguments, which only an argv can carry) are redacted from that log and from the
/// <see cref="BridgeException"/> a failure throws: its message, argv and standard error.
/// </summary>
internal sealed class CliInvoker
{
    /// <summary>Creates an invoker for the CLI at <paramref name="executablePath"/>.</summary>
    public CliInvoker(string runtime, string executablePath, ErrorClassifier classifier, ProcessRunner? runner = null)
    {
        Runtime = runtime;
        ExecutablePath = executablePath;
        Classifier = classifier;
        Runner = runner ?? ProcessRunner.Default;
    }

    /// <summary>The runtime's name.</summary>
    public string Runtime { get; }

    /// <summary>The CLI's path.</summary>
    public string ExecutablePath { get; }

    /// <summary>The dialect's stderr classifier.</summary>
    public ErrorClassifier Classifier { get; }

    /// <summary>The process runner.</summary>
    public ProcessRunner Runner { get; }

    /// <summary>Environment given to every CLI call (e.g. to pin a config location in tests).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Where the calls are logged (at Debug); nothing by default.</summary>
    internal ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>The default time limit for short calls (inspect, list, create...).</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Builds the request for a process the caller starts and streams from, and logs that it starts.</summary>
    public ProcessRequest CreateRequest(IReadOnlyList<string> arguments, TimeSpan? timeout = null, string? standardInput = null)
    {
        if (Logger.IsEnabled(LogLevel.Debug))
        {
            Logger.LogDebug("{Runtime} starts {Argv}", Runtime, CliArgvRedaction.Format(Argv(arguments)));
        }

        return BuildRequest(arguments, timeout, standardInput);
    }

    private ProcessRequest BuildRequest(IReadOnlyList<string> arguments, TimeSpan? timeout, string? standardInput) => new()
    {
        FileName = ExecutablePath,
        Arguments = arguments,
        Environment = Environment,
        Timeout = timeout ?? DefaultTimeout,
        StandardInput = standardInput,
    };

    /// <summary>
    /// Runs the CLI and returns its result; throws a classified error when it exits non-zero. Every occurrence of a
    /// value in <paramref name="secrets"/> is redacted from the log and from the error.
    /// </summary>
    public async Task<ProcessResult> RunAsync(
        IReadOnlyList<string> arguments,
        string operation,
        CancellationToken cancellationToken,
        TimeSpan? timeout = null,
        string? standardInput = null,
        IReadOnlyCollection<string>? secrets = null)
    {
        var result = await RunUncheckedAsync(arguments, cancellationToken, timeout, standardInput, secrets).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw Redact(Classifier.CreateException(Argv(arguments), result.ExitCode, result.StandardError, operation), secrets ?? []);
        }

        return result;
    }

    /// <summary>Runs the CLI with <paramref name="input"/> (binary) on its standard input; throws a classified error when it exits non-zero.</summary>
    public async Task<ProcessResult> RunWithInputAsync(IReadOnlyList<string> arguments, string operation, ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        ProcessResult result;
        try
        {
            result = await Runner.RunAsync(BuildRequest(arguments, null, null) with { StandardInputBytes = input }, cancellationToken).ConfigureAwait(false);
            LogCall(arguments, watch, result.ExitCode, secrets: null);
        }
        catch (BridgeException ex) when (ex.Runtime is null)
        {
            LogCall(arguments, watch, null, ex.Code, null);
            throw WithRuntime(ex);
        }

        if (result.ExitCode != 0)
        {
            throw Classifier.CreateException(Argv(arguments), result.ExitCode, result.StandardError, operation);
        }

        return result;
    }

    /// <summary>Runs the CLI and returns its result whatever its exit code; <paramref name="secrets"/> as for <see cref="RunAsync"/>.</summary>
    public async Task<ProcessResult> RunUncheckedAsync(
        IReadOnlyList<string> arguments,
        CancellationToken cancellationToken,
        TimeSpan? timeout = null,
        string? standardInput = null,
        IReadOnlyCollection<string>? secrets = null)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var result = await Runner.RunAsync(BuildRequest(arguments, timeout, standardInput), cancellationToken).ConfigureAwait(false);
            LogCall(arguments, watch, result.ExitCode, secrets: secrets);
            return result;
        }
        catch (BridgeException ex) when (ex.Runtime is null)
        {
            LogCall(arguments, watch, null, ex.Code, secrets);
            throw Redact(WithRuntime(ex), secrets ?? []);
        }
    }

    /// <summary>
    /// Runs a long CLI operation (pull, build), reporting every non-empty output line as a <see cref="ProgressEvent"/>
    /// of <paramref name="operation"/> (lines starting <c>Error:</c> marked as errors); throws a classified error
    /// when it exits non-zero. No time limit unless <paramref name="timeout"/> is given.
    /// </summary>
    public async Task RunWithProgressAsync(
        IReadOnlyList<string> arguments,
        string operation,
        string description,
        IProgress<ProgressEvent>? progress,
        CancellationToken cancellationToken,
        TimeSpan? timeout = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        const int StandardErrorLimit = 64 * 1024;
        var request = BuildRequest(arguments, timeout, standardInput: null) with { Timeout = timeout };
        if (environment is { Count: > 0 })
        {
            var merged = new Dictionary<string, string?>(Environment, StringComparer.Ordinal);
            foreach (var (key, value) in environment)
            {
                merged[key] = value;
            }

            request = request with { Environment = merged };
        }

        var standardError = new System.Text.StringBuilder();
        int exitCode;
        var watch = Stopwatch.StartNew();
        try
        {
            exitCode = await Runner.RunAsync(
                request,
                line =>
                {
                    if (line.Stream == LogStream.StandardError && standardError.Length < StandardErrorLimit)
                    {
                        standardError.Append(line.Text).Append('\n');
                    }

                    if (line.Text.Length > 0)
                    {
                        progress?.Report(new ProgressEvent(operation, line.Text, IsError: line.Text.StartsWith("Error:", StringComparison.OrdinalIgnoreCase)));
                    }
                },
                cancellationToken).ConfigureAwait(false);
            LogCall(arguments, watch, exitCode);
        }
        catch (BridgeException ex) when (ex.Runtime is null)
        {
            LogCall(arguments, watch, null, ex.Code);
            throw WithRuntime(ex);
        }

        if (exitCode != 0)
        {
            throw Classifier.CreateException(Argv(arguments), exitCode, standardError.ToString(), description);
        }
    }

    /// <summary>The argv as reported in errors: the executable followed by the arguments.</summary>
    public IReadOnlyList<string> Argv(IReadOnlyList<string> arguments) => [ExecutablePath, .. arguments];

    private void LogCall(IReadOnlyList<string> arguments, Stopwatch watch, int? exitCode, string? error = null, IReadOnlyCollection<string>? secrets = null)
    {
        if (!Logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var argv = CliArgvRedaction.Format(Argv(arguments), secrets ?? []);
        if (exitCode is { } code)
        {
            Logger.LogDebug("{Runtime} ran {Argv} in {DurationMs} ms: exit code {ExitCode}", Runtime, argv, watch.ElapsedMilliseconds, code);
        }
        else
        {
            Logger.LogDebug("{Runtime} ran {Argv} for {DurationMs} ms: no exit code ({Error})", Runtime, argv, watch.ElapsedMilliseconds, error);
        }
    }

    /// <summary>
    /// <paramref name="ex"/> with every occurrence of <paramref name="secrets"/> gone from its message, argv and
    /// standard error (a CLI may echo an argument back, as podman does for an executable it cannot find). The inner
    /// exception, whose text this cannot vouch for, is left out.
    /// </summary>
    private static BridgeException Redact(BridgeException ex, IReadOnlyCollection<string> secrets)
    {
        if (secrets.Count == 0)
        {
            return ex;
        }

        return new BridgeException(ex.Code, CliArgvRedaction.RedactText(ex.Message, secrets))
        {
            Runtime = ex.Runtime,
            Arguments = [.. ex.Arguments.Select(a => CliArgvRedaction.RedactText(a, secrets))],
            ExitCode = ex.ExitCode,
            StandardError = ex.StandardError is null ? null : CliArgvRedaction.RedactText(ex.StandardError, secrets),
            Hint = ex.Hint,
            Option = ex.Option,
        };
    }

    private BridgeException WithRuntime(BridgeException ex) => new(ex.Code, ex.Message, ex.InnerException)
    {
        Runtime = Runtime,
        Arguments = ex.Arguments,
        ExitCode = ex.ExitCode,
        StandardError = ex.StandardError,
        Hint = ex.Hint ?? (ex.Code == BridgeErrorCode.RuntimeNotFound ? $"Install {Runtime} or select another runtime." : null),
        Option = ex.Option,
    };
}
