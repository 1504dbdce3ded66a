namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>Test timeouts (milliseconds) for <c>[RuntimeFact(Timeout = ...)]</c>, generous for VM-based runtimes.</summary>
public static class ContractTimeouts
{
    /// <summary>A test with a few runtime calls.</summary>
    public const int Short = 60_000;

    /// <summary>A test that starts containers and waits on them.</summary>
    public const int Medium = 120_000;

    /// <summary>A test that pulls or builds.</summary>
    public const int Long = 240_000;
}
