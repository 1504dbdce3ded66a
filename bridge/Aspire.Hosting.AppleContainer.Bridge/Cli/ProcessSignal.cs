namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>The first signal sent to a child process when its call is canceled.</summary>
internal enum ProcessSignal
{
    /// <summary>SIGINT, as Ctrl+C would (falls back to a kill where signals do not exist).</summary>
    Interrupt,

    /// <summary>SIGTERM.</summary>
    Terminate,

    /// <summary>No graceful step: kill the process tree at once.</summary>
    Kill,
}
