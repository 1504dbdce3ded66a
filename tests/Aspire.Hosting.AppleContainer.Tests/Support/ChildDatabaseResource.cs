using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>
/// A resource living inside a Redis container, as a database lives inside a database server (AddPostgres().AddDatabase):
/// no lifecycle of its own, a connection string built on its parent's.
/// </summary>
internal sealed class ChildDatabaseResource(string name, RedisResource parent)
    : Resource(name), IResourceWithParent<RedisResource>, IResourceWithConnectionString
{
    public RedisResource Parent => parent;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{parent.ConnectionStringExpression},defaultDatabase=1");
}
