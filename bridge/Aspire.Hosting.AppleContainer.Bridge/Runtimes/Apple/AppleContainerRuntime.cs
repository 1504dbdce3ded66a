using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// The Apple dialect: the bridge contract on Apple's <c>container</c> CLI 1.x (macOS 26, Apple silicon; one VM per
/// container). Argv comes from <c>AppleArguments</c>, JSON is read by the <c>Apple*Parser</c> classes, stderr is
/// classified only by <see cref="AppleErrorClassifier"/>. Facts are taken from the apple/container sources at tags
/// 1.0.0 … 1.2.2 and cited where they are used.
/// </summary>
internal sealed partial class AppleContainerRuntime : IContainerRuntime
{
    /// <summary>The runtime's name.</summary>
    public const string RuntimeName = "apple";

    /// <summary>The category its CLI calls are logged under (at Debug).</summary>
    internal const string LogCategory = "Aspire.Hosting.AppleContainer.Bridge.Apple";

    private readonly CliInvoker _invoker;
    private readonly AppleContainerRuntimeOptions _options;
    private readonly AppleVmTransitionGate _gate;
    private readonly AppleObserverRegistry _observers;
    private Task<string>? _hostAddress;

    /// <summary>Creates the dialect for the CLI at <paramref name="executablePath"/>.</summary>
    /// <param name="executablePath">The <c>container</c> CLI's path.</param>
    /// <param name="options">Settings; the defaults when null.</param>
    /// <param name="runner">The process runner (the shared one when null).</param>
    public AppleContainerRuntime(string executablePath, AppleContainerRuntimeOptions? options = null, ProcessRunner? runner = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(executablePath);
        _options = options ?? new AppleContainerRuntimeOptions();
        _invoker = new CliInvoker(RuntimeName, executablePath, AppleErrorClassifier.Create(), runner) { Environment = _options.Environment };
        _gate = AppleVmTransitionGate.For(executablePath, _options.MaxConcurrentVmTransitions);
        _observers = AppleObserverRegistry.For(executablePath);
    }

    /// <summary>Where its CLI calls are logged (at Debug); nowhere by default.</summary>
    internal ILogger Logger
    {
        get => _invoker.Logger;
        init => _invoker.Logger = value;
    }

    /// <inheritdoc />
    public string Name => RuntimeName;

    /// <summary>The CLI's path.</summary>
    public string ExecutablePath => _invoker.ExecutablePath;

    /// <inheritdoc />
    public RuntimeCapabilities Capabilities => AppleCapabilities.Instance;

    /// <summary>How many VM boots/stops may run at once for this CLI (shared by every instance using it).</summary>
    public int MaxConcurrentVmTransitions => _gate.Capacity;

    /// <inheritdoc />
    public async Task<RuntimeInfo> DetectAsync(CancellationToken cancellationToken = default)
    {
        // The host check explains why Apple's CLI cannot be here; a CLI that is here and answers as Apple's is used.
        var hostProblem = _options.Host.Problem();
        if (!ExecutableLocator.IsExecutableFile(ExecutablePath))
        {
            return Unusable(null, hostProblem ?? NotInstalled());
        }

        ProcessResult version;
        try
        {
            version = await _invoker.RunUncheckedAsync(AppleArguments.Version(), cancellationToken, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (BridgeException ex) when (ex.Code == BridgeErrorCode.RuntimeNotFound)
        {
            return Unusable(null, hostProblem ?? NotInstalled());
        }

        if (version.ExitCode != 0 || !AppleVersionParser.IsAppleCli(version.StandardOutput))
        {
            return Unusable(ExecutablePath, hostProblem ?? new BridgeException(BridgeErrorCode.UnsupportedRuntime, $"'{ExecutablePath}' is not Apple's container CLI (its --version printed no \"container CLI version\" line).")
            {
                Runtime = Name, Arguments = _invoker.Argv(AppleArguments.Version()), ExitCode = version.ExitCode, Hint = "Point the integration at Apple's container CLI (/usr/local/bin/container).",
            });
        }

        var cliVersion = AppleVersionParser.Parse(version.StandardOutput);
        var status = await _invoker.RunUncheckedAsync(AppleArguments.SystemStatus(), cancellationToken, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        if (status.ExitCode == 0 && AppleSystemStatus.TryParse(status.StandardOutput) is { IsRunning: true })
        {
            return new RuntimeInfo { Name = Name, ExecutablePath = ExecutablePath, IsRunning = true, Version = cliVersion, Capabilities = Capabilities };
        }

        var reported = AppleSystemStatus.TryParse(status.StandardOutput)?.Status ?? "unknown";
        var classified = _invoker.Classifier.CreateException(_invoker.Argv(AppleArguments.SystemStatus()), status.ExitCode, status.StandardError, "reach its service");
        var problem = classified.Code == BridgeErrorCode.CliFailed
            ? new BridgeException(BridgeErrorCode.RuntimeNotRunning, $"The container system service is not running (status: {reported}).")
            {
                Runtime = Name, Arguments = classified.Arguments, ExitCode = status.ExitCode, StandardError = classified.StandardError, Hint = AppleErrorClassifier.SystemStartHint,
            }
            : classified;
        return new RuntimeInfo { Name = Name, ExecutablePath = ExecutablePath, IsRunning = false, Version = cliVersion, Capabilities = Capabilities, Problem = problem };
    }

    /// <summary>
    /// The gateway of the <c>default</c> network (192.168.64.1 in docs/how-to.md @1.0.0, but read, never assumed), where
    /// containers reach host services; services bound only to 127.0.0.1 are not reachable there.
    /// </summary>
    public Task<string> GetHostAddressAsync(CancellationToken cancellationToken = default)
    {
        var cached = _hostAddress;
        if (cached is { IsCompletedSuccessfully: true })
        {
            return cached;
        }

        var lookup = LookUpHostAddressAsync(cancellationToken);
        _hostAddress = lookup;
        return lookup;
    }

    private async Task<string> LookUpHostAddressAsync(CancellationToken cancellationToken)
    {
        var result = await _invoker.RunAsync(AppleArguments.NetworkInspect("default"), "inspect the default network", cancellationToken).ConfigureAwait(false);
        return AppleNetworkParser.Gateway(result.StandardOutput)
            ?? throw AppleJson.Unparseable("network inspect default", "the default network reports no ipv4Gateway");
    }

    private RuntimeInfo Unusable(string? path, BridgeException problem) =>
        new() { Name = Name, ExecutablePath = path, IsRunning = false, Capabilities = Capabilities, Problem = problem };

    private BridgeException NotInstalled() =>
        new(BridgeErrorCode.RuntimeNotFound, $"Apple's container CLI was not found at '{ExecutablePath}'.")
        {
            Runtime = Name,
            Hint = "Install container from the signed installer package (https://github.com/apple/container/releases; macOS 26 on Apple silicon), then run `container system start`.",
        };

    private BridgeException Fail(IReadOnlyList<string> arguments, ProcessResult result, string operation) =>
        _invoker.Classifier.CreateException(_invoker.Argv(arguments), result.ExitCode, result.StandardError, operation);
}
