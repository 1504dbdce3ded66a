namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>
/// <see cref="IContainerRuntime.FindImagesAsync"/>: which of several images exist, answered as given; and
/// <see cref="IContainerRuntime.GetImageIdAsync"/>: an image's identity.
/// </summary>
/// <typeparam name="TFixture">The dialect's fixture.</typeparam>
public abstract class ImageQueryContract<TFixture>(TFixture fixture) : RuntimeContract<TFixture>(fixture)
    where TFixture : RuntimeFixture
{
    /// <summary>Among existing, missing and repeated references, exactly the existing ones are reported.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task Several_images_are_answered_with_the_subset_that_exists()
    {
        await using var scope = BeginTest();
        var missing = $"localhost/{scope.NewName()}:latest";
        var alsoMissing = $"localhost/{scope.NewName()}:2";

        var found = await Runtime.FindImagesAsync([Fixture.BusyboxImage, missing, Fixture.ServiceImage, alsoMissing, Fixture.BusyboxImage]);

        Assert.Equal([Fixture.BusyboxImage, Fixture.ServiceImage], found.Order(StringComparer.Ordinal));
    }

    /// <summary>When every image exists, every reference is reported; no references give an empty answer.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task Images_that_all_exist_are_all_reported_and_no_images_give_an_empty_answer()
    {
        await using var scope = BeginTest();

        var all = await Runtime.FindImagesAsync([Fixture.ServiceImage, Fixture.BusyboxImage]);
        var none = await Runtime.FindImagesAsync([]);

        Assert.Equal([Fixture.BusyboxImage, Fixture.ServiceImage], all.Order(StringComparer.Ordinal));
        Assert.Empty(none);
    }

    /// <summary>A single missing image is an empty answer, not an error.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task Only_missing_images_give_an_empty_answer()
    {
        await using var scope = BeginTest();

        Assert.Empty(await Runtime.FindImagesAsync([$"localhost/{scope.NewName()}:latest"]));
        Assert.Empty(await Runtime.FindImagesAsync([$"localhost/{scope.NewName()}:1", $"localhost/{scope.NewName()}:2"]));
    }

    /// <summary>An image's id is stable, differs between images of other content, and is null for a missing image.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task An_image_id_is_the_same_each_time_differs_between_images_and_is_null_for_a_missing_one()
    {
        await using var scope = BeginTest();

        var busybox = await Runtime.GetImageIdAsync(Fixture.BusyboxImage);
        var again = await Runtime.GetImageIdAsync(Fixture.BusyboxImage);
        var service = await Runtime.GetImageIdAsync(Fixture.ServiceImage);
        var missing = await Runtime.GetImageIdAsync($"localhost/{scope.NewName()}:latest");

        Assert.False(string.IsNullOrEmpty(busybox));
        Assert.Equal(busybox, again);
        Assert.False(string.IsNullOrEmpty(service));
        Assert.NotEqual(busybox, service);
        Assert.Null(missing);
    }

    /// <summary>An invalid reference fails the whole query with invalid_spec before any CLI call.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task An_invalid_reference_fails_with_invalid_spec()
    {
        await using var scope = BeginTest();

        var error = await ThrowsBridgeAsync(() => Runtime.FindImagesAsync([Fixture.BusyboxImage, "--all"]));

        Assert.Equal(BridgeErrorCode.InvalidSpec, error.Code);
    }
}
