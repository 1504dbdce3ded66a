namespace FakeCli;

/// <summary>The markers and exit codes the fake CLI prints and returns, shared with the tests that drive it.</summary>
public static class FakeCliProtocol
{
    /// <summary>The exit code after a handled SIGINT.</summary>
    public const int InterruptExitCode = 70;

    /// <summary>The exit code after a handled SIGTERM.</summary>
    public const int TerminateExitCode = 71;

    /// <summary>The exit code for a script the fake CLI cannot parse.</summary>
    public const int UsageExitCode = 64;

    /// <summary>Printed on stderr when a handled SIGINT arrives.</summary>
    public const string InterruptMarker = "FAKECLI-SIGINT";

    /// <summary>Printed on stderr when a handled SIGTERM arrives.</summary>
    public const string TerminateMarker = "FAKECLI-SIGTERM";

    /// <summary>Printed on stderr when an ignored signal arrives.</summary>
    public const string IgnoredMarker = "FAKECLI-SIGNAL-IGNORED";

    /// <summary>Printed on stderr after <c>echo-stdin</c> or <c>count-stdin</c>, followed by the byte count.</summary>
    public const string StandardInputBytesPrefix = "stdin-bytes ";

    /// <summary>Printed by <c>env</c> for a variable that is not set.</summary>
    public const string UnsetSuffix = " (unset)";
}
