namespace Aspire.Hosting.AppleContainer.Watchdog;

/// <summary>The watchdog's command line: <c>--session ID --runtime NAME [--cli PATH]</c>.</summary>
/// <param name="SessionId">The AppHost session whose containers to remove.</param>
/// <param name="Runtime">The runtime name the AppHost used.</param>
/// <param name="CliPath">The runtime CLI the AppHost used, when known.</param>
internal sealed record WatchdogArguments(string SessionId, string Runtime, string? CliPath)
{
    /// <summary>Parses the arguments, or returns null when they are incomplete.</summary>
    public static WatchdogArguments? Parse(IReadOnlyList<string> args)
    {
        string? session = null, runtime = null, cli = null;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--session": session = args[i + 1]; break;
                case "--runtime": runtime = args[i + 1]; break;
                case "--cli": cli = args[i + 1]; break;
                default: return null;
            }
        }

        return session is null || runtime is null ? null : new WatchdogArguments(session, runtime, cli);
    }
}
