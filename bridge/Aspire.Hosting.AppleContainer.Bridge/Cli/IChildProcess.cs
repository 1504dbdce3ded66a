namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>A started child process with redirected standard streams, however it was launched.</summary>
internal interface IChildProcess : IDisposable
{
    /// <summary>The process id.</summary>
    int Id { get; }

    /// <summary>Its standard output.</summary>
    StreamReader StandardOutput { get; }

    /// <summary>Its standard error.</summary>
    StreamReader StandardError { get; }

    /// <summary>Its standard input.</summary>
    StreamWriter StandardInput { get; }

    /// <summary>Whether it has exited.</summary>
    bool HasExited { get; }

    /// <summary>Completes with the exit code (128 + n for a process ended by signal n) once it has exited.</summary>
    Task<int> WaitForExitAsync();

    /// <summary>Kills it and everything it started that can still be found; never throws for a process that is gone.</summary>
    void KillTree();
}
