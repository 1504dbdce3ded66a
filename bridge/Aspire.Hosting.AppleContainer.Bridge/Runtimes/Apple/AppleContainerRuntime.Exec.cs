using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <content>Exec.</content>
internal sealed partial class AppleContainerRuntime
{
    /// <inheritdoc />
    /// <remarks>
    /// The exit code is the exec'd process's (ContainerExec.swift @1.0.0 exits with it). Cancellation sends SIGTERM to the
    /// CLI, which forwards it to the exec'd process (ProcessIO.handleProcess @1.0.0), then kills the CLI after the grace
    /// period; processes the exec'd process started are not reached, so exec cancellation is not declared as a capability.
    /// </remarks>
    public async Task<ExecResult> ExecAsync(string id, ExecSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Command.Count == 0 || string.IsNullOrEmpty(spec.Command[0]))
        {
            throw new BridgeException(BridgeErrorCode.InvalidSpec, "An exec needs a command.") { Option = "command", Runtime = Name };
        }

        ProcessResult result;
        using (var envFile = spec.Environment.Count > 0 ? EnvFile.Create(spec.Environment) : null)
        {
            var arguments = AppleArguments.Exec(id, spec, envFile?.Path);
            var request = _invoker.CreateRequest(arguments, standardInput: spec.StandardInput) with
            {
                Timeout = null,
                CancelSignal = ProcessSignal.Terminate,
                GracePeriod = TimeSpan.FromSeconds(3),
            };
            try
            {
                result = await _invoker.Runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (BridgeException ex) when (ex.Runtime is null)
            {
                throw new BridgeException(ex.Code, ex.Message, ex.InnerException) { Runtime = Name, Arguments = ex.Arguments, StandardError = ex.StandardError };
            }

            if (await IsCliFailureAsync(id, result, cancellationToken).ConfigureAwait(false))
            {
                throw Fail(arguments, result, "exec in the container");
            }
        }

        return new ExecResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    /// <summary>
    /// Whether a failed exec is the CLI's failure rather than the command's exit. The command's output shares the CLI's
    /// stderr, so its last line can read like a CLI error; the CLI's own failures exit 1 (64 for a usage error) with an
    /// <c>Error: …</c> line and happen when the container is missing, stopped or unreachable (ContainerExec.swift@1.2.2:
    /// 46-51, ProcessUtils.swift:25-29) or when the exec itself could not run ("failed to exec process …", 118-123). A
    /// line the classifier recognises is therefore checked with one inspect: if the container runs, the line was the
    /// command's and its exit code stands.
    /// </summary>
    private async Task<bool> IsCliFailureAsync(string id, ProcessResult result, CancellationToken cancellationToken)
    {
        // The error block is the last line, or the last two for an unreachable service (Application.swift@1.2.2:137-139).
        var last = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(2)
            .LastOrDefault(line => line.StartsWith("Error: ", StringComparison.Ordinal));
        if (result.ExitCode is not (1 or 64) || last is null)
        {
            return false;
        }

        if (last.StartsWith("Error: failed to exec process", StringComparison.Ordinal))
        {
            return true;
        }

        if (_invoker.Classifier.Match(result.StandardError) is null)
        {
            return false;
        }

        try
        {
            var info = await TryInspectRawAsync(id, cancellationToken).ConfigureAwait(false);
            return info is not { State: ContainerState.Running };
        }
        catch (BridgeException)
        {
            return true;
        }
    }
}
