namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>The labels every container this integration creates carries, so that it can find them again.</summary>
internal static class ContainerLabels
{
    /// <summary>The product label; its value is always <c>true</c>.</summary>
    public const string Managed = "io.aspire.applecontainer.managed";

    /// <summary>The AppHost session that created the container.</summary>
    public const string Session = "io.aspire.applecontainer.session";

    /// <summary>The AppHost process that created the container (<c>pid-starttime</c>).</summary>
    public const string Owner = "io.aspire.applecontainer.owner";

    /// <summary>The stable key of the AppHost (for persistent containers).</summary>
    public const string AppHost = "io.aspire.applecontainer.apphost";

    /// <summary>The Aspire resource name.</summary>
    public const string Resource = "io.aspire.applecontainer.resource";

    /// <summary>The container lifetime: <c>session</c> or <c>persistent</c>.</summary>
    public const string Lifetime = "io.aspire.applecontainer.lifetime";

    /// <summary>The hash of the container's configuration, to decide whether a persistent container can be reused.</summary>
    public const string ConfigHash = "io.aspire.applecontainer.config-hash";

    /// <summary>The lifetime value of session containers.</summary>
    public const string SessionLifetime = "session";

    /// <summary>The lifetime value of persistent containers.</summary>
    public const string PersistentLifetime = "persistent";
}
