using System.Text.Json;
using Territory.Domain.Events;
using Territory.Ingestion.Text;

namespace Territory.Ingestion.Actors;

/// <summary>
/// The actor taxonomy (data/actors/actors.json) and a finder for the names reports give actors, in every language.
/// Acronyms written in capitals (HTS, SDF, ANS) match only in capitals.
/// </summary>
public sealed class ActorCatalog
{
    private readonly PhraseMatcher<Actor> _matcher;

    private ActorCatalog(IReadOnlyList<Actor> actors, IEnumerable<Phrase<Actor>> aliases)
    {
        Actors = actors;
        ByKey = actors.ToDictionary(a => a.Key, StringComparer.Ordinal);
        _matcher = new PhraseMatcher<Actor>(aliases);
    }

    public IReadOnlyList<Actor> Actors { get; }

    public IReadOnlyDictionary<string, Actor> ByKey { get; }

    public Actor Unknown => ByKey[Actor.UnknownKey];

    /// <summary>The taxonomy compiled into this assembly.</summary>
    public static ActorCatalog Default { get; } = Load(typeof(ActorCatalog).Assembly.GetManifestResourceStream("Actors.actors.json")
        ?? throw new InvalidOperationException("Actors.actors.json is not embedded"));

    public static ActorCatalog Load(Stream json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var actors = new List<Actor>();
        var aliases = new List<Phrase<Actor>>();
        foreach (var element in document.RootElement.GetProperty("actors").EnumerateArray())
        {
            var actor = new Actor(
                element.GetProperty("key").GetString()!,
                element.GetProperty("name").GetString()!,
                element.GetProperty("side").GetString()!,
                element.TryGetProperty("parent", out var parent) ? parent.GetString() : null,
                element.GetProperty("color").GetString()!);
            actors.Add(actor);
            foreach (var language in element.GetProperty("aliases").EnumerateObject())
            {
                foreach (var alias in language.Value.EnumerateArray().Select(a => a.GetString()!))
                {
                    var upper = alias.Length <= 5 && alias.All(c => !char.IsLetter(c) || char.IsUpper(c));
                    aliases.Add(new Phrase<Actor>(WordPattern.ParsePhrase(alias), actor, upper));
                }
            }
        }

        if (!actors.Any(a => a.IsUnknown))
        {
            throw new InvalidDataException("The actor taxonomy needs an 'unknown' actor.");
        }

        return new ActorCatalog(actors, aliases);
    }

    /// <summary>Every actor named in a tokenized text, in order.</summary>
    public IReadOnlyList<ActorMention> Find(string text, IReadOnlyList<TextToken> tokens) =>
        [.. _matcher.FindAll(text, tokens).Select(m => new ActorMention(
            tokens[m.First].Start, tokens[m.Last].End, tokens[m.First].Sentence, m.Phrase.Value, text[tokens[m.First].Start..tokens[m.Last].End]))];

    /// <summary>The coalition an actor's gains count for.</summary>
    public string SideOf(string actorKey) => ByKey.TryGetValue(actorKey, out var actor) ? actor.Side : Actor.UnknownKey;
}
