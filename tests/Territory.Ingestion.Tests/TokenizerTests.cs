using Territory.Ingestion.Text;

namespace Territory.Ingestion.Tests;

public class TokenizerTests
{
    [Theory]
    [InlineData("l'aéroport d'Alep", "aeroport|alep")]
    [InlineData("al-Atarib", "al|atarib")]
    [InlineData("Ma'arrat an-Nu'man", "maarrat|an|numan")]
    [InlineData("Mare' et Marea", "mare|et|marea")]
    [InlineData("Halep'in batısı", "halepin|batisi")]
    [InlineData("« 108 localités »", "108|localites")]
    [InlineData("قصف بلدة الأتارب", "قصف|بلده|الاتارب")]
    public void Words_are_split_and_folded(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', Tokenizer.Tokenize(text).Select(t => t.Key)));

    [Fact]
    public void A_Turkish_case_suffix_gives_a_stem()
    {
        var token = Assert.Single(Tokenizer.Tokenize("Halep'in"));
        Assert.Equal("halep", token.StemKey);
    }

    [Fact]
    public void Sentences_end_at_full_stops_before_capitals_and_at_blank_lines()
    {
        const string text = "Titre sans point\n\nLes rebelles ont pris Alep. Ils avancent vers Hama, selon l'OSDH. 3.5 km plus loin.";
        var tokens = Tokenizer.Tokenize(text);
        var sentences = Tokenizer.Sentences(text, tokens);
        Assert.Equal(4, sentences.Count);
        Assert.Equal("Les rebelles ont pris Alep.", text[sentences[1].Start..sentences[1].End]);
        Assert.Equal("3.5 km plus loin.", text[sentences[3].Start..sentences[3].End]);
    }
}
