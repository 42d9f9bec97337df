using Territory.Domain.Places;

namespace Territory.Domain.Tests;

public class NameNormalizerTests
{
    [Theory]
    [InlineData("Alep", "alep")]
    [InlineData("  Saraqib ", "saraqib")]
    [InlineData("Maarrat al-Nu'man", "maarrat al nu man")]
    [InlineData("Şeyh Maksud", "seyh maksud")]
    [InlineData("Darat ʿIzza", "darat izza")]
    public void Case_diacritics_and_punctuation_fold_away(string name, string expected) =>
        Assert.Equal(expected, NameNormalizer.Normalize(name));

    [Fact]
    public void Place_kind_keys_round_trip()
    {
        foreach (var kind in Enum.GetValues<PlaceKind>())
        {
            Assert.True(PlaceKinds.TryParse(kind.Key(), out var parsed));
            Assert.Equal(kind, parsed);
        }

        Assert.Equal("military_base", PlaceKind.MilitaryBase.Key());
        Assert.False(PlaceKinds.TryParse("castle", out _));
    }
}
