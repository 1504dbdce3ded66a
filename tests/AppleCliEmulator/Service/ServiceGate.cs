using AppleCliEmulator.Errors;
using AppleCliEmulator.State;

namespace AppleCliEmulator.Service;

/// <summary>
/// Every verb's first call to the API server fails while the service is not registered (after <c>system stop</c>); the
/// caller names the error that call fails with (see <see cref="XpcErrors"/>).
/// </summary>
internal static class ServiceGate
{
    public static void Require(EmulatorState state, SwiftError whenStopped)
    {
        if (!state.ServiceRunning)
        {
            throw CliFailure.Of(whenStopped);
        }
    }

    /// <summary><c>Application.loadContainerSystemConfig()</c> pings the server unwrapped (Application.swift@1.2.2:193–203).</summary>
    public static void RequireHealth(EmulatorState state) => Require(state, XpcErrors.ConnectionInvalid);

    /// <summary>Calls that start with <c>ContainerClient.list</c>/<c>get</c> (ContainerClient.swift@1.2.2:86–120).</summary>
    public static void RequireList(EmulatorState state) => Require(state, XpcErrors.List);
}
