using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration;

public class BuildSpecFactoryTests
{
    [Fact]
    public async Task A_null_build_arg_is_passed_by_name_only_for_the_build_to_take_from_the_environment_not_as_an_empty_value()
    {
        var build = new DockerfileBuildAnnotation("/ctx", "/ctx/Dockerfile", null);
        build.BuildArguments["NULL"] = null;
        build.BuildArguments["UNRESOLVED"] = new NullValue();
        build.BuildArguments["EMPTY"] = string.Empty;
        build.BuildArguments["PORT"] = 8080;

        var spec = await BuildSpecFactory.CreateAsync(new ContainerResource("built"), build, "localhost/built:1", CancellationToken.None);

        Assert.Equal(["NULL", "UNRESOLVED"], spec.BuildArgsFromEnvironment);
        Assert.Equal(["EMPTY=", "PORT=8080"], spec.BuildArgs.Select(a => $"{a.Key}={a.Value}").Order(StringComparer.Ordinal));
    }

    /// <summary>A value provider that resolves to null, as a parameter without a value can.</summary>
    private sealed class NullValue : IValueProvider
    {
        public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(null);
    }
}
