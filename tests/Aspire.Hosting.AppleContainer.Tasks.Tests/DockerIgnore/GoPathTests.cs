using Aspire.Hosting.AppleContainer.Tasks.DockerIgnore;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.DockerIgnore;

/// <summary>Cases from Go's <c>path.Clean</c> documentation and tests.</summary>
public sealed class GoPathTests
{
    [Theory]
    [InlineData("", ".")]
    [InlineData("abc", "abc")]
    [InlineData("abc/", "abc")]
    [InlineData("a//c", "a/c")]
    [InlineData("a/./c", "a/c")]
    [InlineData("a/c/..", "a")]
    [InlineData("a/../..", "..")]
    [InlineData("../../a", "../../a")]
    [InlineData("/../a", "/a")]
    [InlineData("/", "/")]
    [InlineData("./", ".")]
    public void Clean_matches_go(string path, string expected) => Assert.Equal(expected, GoPath.Clean(path));
}
