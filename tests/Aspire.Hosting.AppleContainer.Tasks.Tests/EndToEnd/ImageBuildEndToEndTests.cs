using System.Text.RegularExpressions;
using Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.EndToEnd;

/// <summary>
/// The packed package in a real Aspire AppHost (tests/TaskFixtures/ImagesAppHost) with real podman: images
/// <c>FROM localhost/actr-test/busybox:latest</c>, built by <c>dotnet build</c>.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ImageBuildEndToEndTests(PackageFeedFixture feed)
{
    private static readonly string[] AllImages = ["alpha", "beta", "gamma"];

    [PodmanFact(Timeout = 900_000)]
    public async Task Builds_skip_unchanged_images_and_rebuild_exactly_the_image_whose_input_changed()
    {
        await using var apphost = new FixtureAppHost(feed);

        var first = await apphost.RunAsync("build");
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Equal(AllImages, FixtureAppHost.BuiltImages(first.Output));
        Assert.Contains("STEP 4/5: RUN echo \"$GREETING\" > /greeting && echo \"greeting: $GREETING\"", first.Output, StringComparison.Ordinal);
        Assert.Contains("greeting: hello", first.Output, StringComparison.Ordinal);
        // What the editor shows: every assembly the AppHost compiles against from the package has its docs beside it.
        var compileReferences = apphost.PackageCompileReferences();
        Assert.Contains(compileReferences, path => path.EndsWith("Aspire.Hosting.AppleContainer.dll", StringComparison.Ordinal));
        Assert.All(compileReferences, dll => Assert.True(File.Exists(Path.ChangeExtension(dll, ".xml")), $"no XML docs beside {dll}"));

        var second = await apphost.RunAsync("build");
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Empty(FixtureAppHost.BuiltImages(second.Output));
        Assert.Equal(3, FixtureAppHost.SkippedImages(second.Output));
        Assert.Contains("\"name\":\"podman\"", File.ReadAllText(apphost.PathOf("obj/Debug/net10.0/AppleContainer/runtime.json")), StringComparison.Ordinal);

        File.AppendAllText(apphost.PathOf("images/alpha/app.txt"), "touched\n");
        var touched = await apphost.RunAsync("build");
        Assert.Equal(["alpha"], FixtureAppHost.BuiltImages(touched.Output));

        File.WriteAllText(apphost.PathOf("images/beta/notes.log"), "ignored by .dockerignore\n");
        var ignored = await apphost.RunAsync("build");
        Assert.Empty(FixtureAppHost.BuiltImages(ignored.Output));

        File.Delete(apphost.PathOf("images/beta/app.txt"));
        var deleted = await apphost.RunAsync("build");
        Assert.Equal(["beta"], FixtureAppHost.BuiltImages(deleted.Output));

        var removed = await CommandLine.RunAsync("podman", ["rmi", $"{apphost.TagPrefix}-gamma:1"]);
        Assert.Equal(0, removed.ExitCode);
        var afterRemoval = await apphost.RunAsync("build");
        Assert.Equal(["gamma"], FixtureAppHost.BuiltImages(afterRemoval.Output));

        // An escaped ';' (here from the command line; $([MSBuild]::Escape(...)) in a project) stays inside its build argument.
        var changedArg = await apphost.RunAsync("build", "-p:ActrGreeting=bonjour%3Bsalut");
        Assert.Equal(["alpha"], FixtureAppHost.BuiltImages(changedArg.Output));
        Assert.Contains("greeting: bonjour;salut", changedArg.Output, StringComparison.Ordinal);

        var forced = await apphost.RunAsync("build", "-p:ActrGreeting=bonjour%3Bsalut", "-p:AppleContainerForceRebuild=true");
        Assert.Equal(AllImages, FixtureAppHost.BuiltImages(forced.Output));

        var optedOut = await apphost.RunAsync("build", "-p:ActrGreeting=bonjour%3Bsalut", "-p:AppleContainerBuildImages=false", "-p:AppleContainerForceRebuild=true");
        Assert.True(optedOut.ExitCode == 0, optedOut.Output);
        Assert.Empty(FixtureAppHost.BuiltImages(optedOut.Output));

        var run = await CommandLine.RunAsync("dotnet", [apphost.PathOf("bin/Debug/net10.0/ImagesAppHost.dll")]);
        Assert.Equal($"{apphost.TagPrefix}-alpha:1\n{apphost.TagPrefix}-beta:1\n{apphost.TagPrefix}-gamma:1\n", run.Output);

        // The AppHost runs the image it built, named by the generated constants, and serves its changed content.
        await using (var serving = ServingAppHost.Start(apphost.PathOf("bin/Debug/net10.0/ImagesAppHost.dll")))
        {
            var page = await serving.WaitForAnswerAsync("/app.txt", "alpha v1\ntouched\n", TimeSpan.FromMinutes(3));
            Assert.True(page == "alpha v1\ntouched\n", $"GET /app.txt answered: {page}\nAppHost output:\n{serving.Output}");
        }

        var clean = await apphost.RunAsync("clean");
        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.False(Directory.Exists(apphost.PathOf("obj/Debug/net10.0/AppleContainer")));
    }

    [PodmanFact(Timeout = 900_000)]
    public async Task A_failing_Dockerfile_instruction_is_a_coded_error_at_its_line_and_a_design_time_build_does_nothing()
    {
        await using var apphost = new FixtureAppHost(feed);
        File.WriteAllText(apphost.PathOf("images/gamma/Dockerfile"), "FROM localhost/actr-test/busybox:latest\n\nRUN echo building \\\n  && exit 7\nCOPY . /app\n");

        var designTime = await apphost.RunAsync("build", "-p:DesignTimeBuild=true", "-p:SkipCompilerExecution=true", "-p:ProvideCommandLineArgs=true");
        Assert.Empty(FixtureAppHost.BuiltImages(designTime.Output));
        Assert.False(File.Exists(apphost.PathOf("obj/Debug/net10.0/AppleContainer/Gamma.fingerprint")));

        var build = await apphost.RunAsync("build");

        Assert.NotEqual(0, build.ExitCode);
        var dockerfile = Regex.Escape(apphost.PathOf("images/gamma/Dockerfile"));
        Assert.Matches($@"{dockerfile}\(3\): error ACTR5003: Image 'gamma' failed to build at this Dockerfile instruction: .*exit status 7", build.Output);
        Assert.False(File.Exists(apphost.PathOf("obj/Debug/net10.0/AppleContainer/Gamma.stamp")));
        Assert.True(File.Exists(apphost.PathOf("obj/Debug/net10.0/AppleContainer/Alpha.stamp")));
    }
}
