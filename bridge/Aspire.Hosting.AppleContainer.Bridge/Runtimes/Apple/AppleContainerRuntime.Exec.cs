using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <content>Exec.</content>
public sealed partial class AppleContainerRuntime
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

            // The CLI's own failures (not running, not found...) are classified; any other code is the command's.
            if (result.ExitCode != 0 && _invoker.Classifier.Match(LastLine(result.StandardError)) is not null && LastLine(result.StandardError).StartsWith("Error: ", StringComparison.Ordinal))
            {
                throw Fail(arguments, result, "exec in the container");
            }
        }

        return new ExecResult(result.ExitCode, result.StandardOutput, result.StandardError);
    }

    private static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;
}
