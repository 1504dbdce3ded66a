namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>A fact on the Apple CLI emulator: skipped, with the reason, only where podman cannot run it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EmulatorFactAttribute : FactAttribute
{
    /// <summary>Sets the skip reason where the emulator cannot run.</summary>
    public EmulatorFactAttribute()
    {
        if (AppleEmulator.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
