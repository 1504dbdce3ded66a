namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Oci;

/// <summary>One captured call of errors.txt: what it printed on stderr and how it exited.</summary>
/// <param name="StandardError">Its stderr, lines joined by a line feed.</param>
/// <param name="ExitCode">Its exit code.</param>
internal sealed record OciCapturedFailure(string StandardError, int ExitCode);
