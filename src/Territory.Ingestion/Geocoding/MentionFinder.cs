using Territory.Domain.Places;
using Territory.Ingestion.Text;

namespace Territory.Ingestion.Geocoding;

/// <summary>
/// Finds the spans of a text that name places: longest exact match over the gazetteer's names first, then the
/// transliteration skeleton for capitalised words, then a span glued to a small word (« Alepdans »). Capitalised spans
/// after a place cue (« le village de X ») that match nothing are kept as unresolved, with fuzzy suggestions.
/// Words that are also common words need a cue; a match inside a longer capitalised name (a person, a group) is dropped.
/// </summary>
public sealed class MentionFinder(GazetteerIndex index, PlaceVocabulary vocabulary)
{
    private const int MaxSpanTokens = 8;
    private const int MaxRunTokens = 5;

    // The longest quoted faction or operation name (« Aube de la liberté »), in words.
    private const int MaxQuotedNameWords = 4;

    // Phonetic name score (0.55 + 0.4 × spelling similarity) a one-word Arabic variant needs without a cue: similarity 0.65.
    private const double MinimumLoneArabicVariantScore = 0.81;

    // The same for a lone Latin word: similarity 0.6.
    private const double MinimumLoneLatinVariantScore = 0.79;

    // Phonetic name score a lone Latin look-alike needs with no cue, wherever it stands (a capital shows a name, not a
    // place: "Mohammed" is not Mhemideh, "Army" not A'rima): similarity 0.7.
    private const double MinimumLoneLookAlikeScore = 0.83;

    // Spelling similarity (letters as written, spaces ignored) a lone Arabic look-alike needs to its name, with no cue.
    private const double MinimumArabicLookAlikeSpelling = 0.7;

    // Small words that news text sometimes glues to a name when a space is lost (« Alepdans », « Furqanà »).
    private static readonly string[] GluedWords = ["dans", "de", "et", "en", "a", "in", "and", "of", "to"];

    /// <summary>The place mentions of <paramref name="text"/>, in text order.</summary>
    public IReadOnlyList<MentionSpan> Find(string text, string? language = null) => Find(text, Tokenizer.Tokenize(text), language);

    /// <summary>The place mentions of an already tokenized text in <paramref name="language"/> (null when unknown).</summary>
    public IReadOnlyList<MentionSpan> Find(string text, IReadOnlyList<TextToken> tokens, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var matches = new List<Match>();
        var covered = new bool[tokens.Count];
        var i = 0;
        while (i < tokens.Count)
        {
            var match = MatchAt(text, tokens, i);
            if (match is null || StartsWithDayOrMonth(tokens, match))
            {
                i++;
                continue;
            }

            matches.Add(match);
            for (var k = match.First; k < match.Last + 1; k++)
            {
                covered[k] = true;
            }

            i = match.Last + 1;
        }

        var person = PersonTokens(tokens);
        var quoted = QuotedNames(text);
        var cues = ListCues(tokens, covered, matches);
        var spans = new List<MentionSpan>(matches.Count);
        for (var m = 0; m < matches.Count; m++)
        {
            var match = matches[m];
            var cue = cues[m];
            if (!Overlaps(person, match) && (cue != MentionCue.Empty || !InsideQuotedName(quoted, tokens[match.First].Start, match.End))
                && Keep(text, tokens, covered, match, cue, language))
            {
                var start = tokens[match.First].Start;
                spans.Add(new MentionSpan(start, match.End, text[start..match.End], tokens[match.First].Sentence, cue, WithNamedAfter(match.Candidates, cue, Key(tokens, match.First, match.Last))));
            }
        }

        return spans;
    }

    // The cue of each match; « قريتي كفر ناصح وخان طومان », « les villages de Kafr Naha, Orum et Kafr Basha »: the kind a
    // plural or dual head names holds for every name of its list, one joined to the next by a comma or an "and" word,
    // when the name is written exactly as the gazetteer has it.
    private List<MentionCue> ListCues(IReadOnlyList<TextToken> tokens, bool[] covered, List<Match> matches)
    {
        var cues = new List<MentionCue>(matches.Count);
        var list = false;
        for (var m = 0; m < matches.Count; m++)
        {
            var match = matches[m];
            var cue = CueAround(tokens, match.First, match.Last, covered);
            if (cue == MentionCue.Empty && list && JoinedToPrevious(tokens, matches[m - 1], match) && match.Candidates.Any(c => c.Match == NameMatch.Exact))
            {
                cue = cues[m - 1];
            }
            else
            {
                list = BeforeCue(tokens, match.First, covered) is { List: true, Kind: not null };
            }

            cues.Add(cue);
        }

        return cues;
    }

    // « X, Y », « X et Y », « X وY » (the Arabic "and" written on the word), « X و Y ».
    private bool JoinedToPrevious(IReadOnlyList<TextToken> tokens, Match previous, Match match)
    {
        var next = tokens[match.First];
        if (next.Sentence != tokens[previous.Last].Sentence)
        {
            return false;
        }

        if (match.First == previous.Last + 1)
        {
            return next.PunctuationBefore || (next.IsArabic && vocabulary.ListJoiners.Any(j => next.Key.Length > j.Length + 1 && next.Key.StartsWith(j, StringComparison.Ordinal)));
        }

        return match.First == previous.Last + 2 && vocabulary.ListJoiners.Contains(tokens[previous.Last + 1].Key) && !next.PunctuationBefore;
    }

    // « Bachar al-Assad », "President Bashar al-Assad", « الرئيس بشار الأسد »: a person named in the vocabulary, or the
    // name after a person's title, with the capitalised words around it (« Abou Mohammed al-Joulani »), is nobody's village.
    private bool[] PersonTokens(IReadOnlyList<TextToken> tokens)
    {
        var person = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var name in vocabulary.People)
            {
                if (StartsWith(tokens, i, name))
                {
                    MarkPerson(tokens, person, i, i + name.Count - 1);
                }
            }

            // « Beşar Esed'in », "Bashar Assad's": a person's first name before a person's last name with an ending, an article
            // or a spelling of its own is that person, not a village spelled like the first name (Basira).
            if (vocabulary.FirstNames.Contains(tokens[i].Key) && SurnameAfter(tokens, i) is var surname and > 0)
            {
                MarkPerson(tokens, person, i, surname);
            }

            if (vocabulary.PersonTitles.Contains(tokens[i].Key) && i + 1 < tokens.Count && tokens[i + 1].Sentence == tokens[i].Sentence)
            {
                var first = i + 1;
                var last = tokens[first].IsArabic ? ArabicPersonRun(tokens, first) : tokens[first].IsCapitalized ? first : first - 1;
                if (last >= first)
                {
                    MarkPerson(tokens, person, first, last);
                }
            }
        }

        return person;
    }

    // The last name right after the first name at the index, or after an article there (« Beşar el-Esed »): its index, or -1.
    private int SurnameAfter(IReadOnlyList<TextToken> tokens, int first)
    {
        for (var k = first + 1; k < tokens.Count && k <= first + 2 && tokens[k].Sentence == tokens[first].Sentence && !tokens[k].PunctuationBefore; k++)
        {
            if (BareForms(tokens[k]).Any(vocabulary.Surnames.Contains))
            {
                return k;
            }

            if (k + 1 >= tokens.Count || !NameNormalizer.IsArticleBefore(tokens[k].Key, tokens[k + 1].Key))
            {
                break;
            }
        }

        return -1;
    }

    // Two Arabic words after a title (« الرئيس بشار الأسد »), up to a small word or punctuation.
    private int ArabicPersonRun(IReadOnlyList<TextToken> tokens, int first)
    {
        var last = first - 1;
        for (var k = first; k < tokens.Count && k < first + 2 && tokens[k].IsArabic && tokens[k].Sentence == tokens[first].Sentence
            && (k == first || !tokens[k].PunctuationBefore) && !vocabulary.Links.Contains(tokens[k].Key) && !vocabulary.FunctionWords.Contains(tokens[k].Key); k++)
        {
            last = k;
        }

        return last;
    }

    private static void MarkPerson(IReadOnlyList<TextToken> tokens, bool[] person, int first, int last)
    {
        if (!tokens[first].IsArabic)
        {
            // The capitalised neighbours belong to the name: « Abou Mohammed » before « al-Joulani ».
            while (first > 0 && tokens[first - 1].Sentence == tokens[first].Sentence && !tokens[first].PunctuationBefore && tokens[first - 1].IsCapitalized && !tokens[first - 1].IsSentenceStart)
            {
                first--;
            }

            // A word with a suffix after an apostrophe is a name of its own (« Beşar Esad Halep'i »).
            while (last < tokens.Count - 1 && tokens[last].StemKey is null && tokens[last + 1].StemKey is null && tokens[last + 1].Sentence == tokens[first].Sentence && !tokens[last + 1].PunctuationBefore
                && (tokens[last + 1].IsCapitalized || (last + 2 < tokens.Count && tokens[last + 2].IsCapitalized && NameNormalizer.IsArticleBefore(tokens[last + 1].Key, tokens[last + 2].Key))))
            {
                last++;
            }
        }

        for (var k = first; k <= last; k++)
        {
            person[k] = true;
        }
    }

    private static bool Overlaps(bool[] marked, Match match)
    {
        for (var k = match.First; k <= match.Last; k++)
        {
            if (marked[k])
            {
                return true;
            }
        }

        return false;
    }

    // « عملية « فجر الحرية » », the “Dawn of Freedom” operation: the spans between paired quotes, by character offsets.
    private static List<(int Open, int Close)> QuotedNames(string text)
    {
        var spans = new List<(int, int)>();
        var open = -1;
        var closing = '\0';
        for (var c = 0; c < text.Length; c++)
        {
            if (open < 0 && text[c] is '«' or '"' or '“')
            {
                open = c;
                closing = text[c] switch { '«' => '»', '“' => '”', _ => '"' };
            }
            else if (open >= 0 && text[c] == closing)
            {
                // A name is a few words; a longer quotation is reported speech, where places are places.
                if (text[(open + 1)..c].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxQuotedNameWords)
                {
                    spans.Add((open, c));
                }

                open = -1;
            }
        }

        return spans;
    }

    // A word inside a quoted name of several words (a faction, an operation) is part of that name, not a place; a quoted
    // place name alone (« "Saraqib" ») still is one.
    private static bool InsideQuotedName(List<(int Open, int Close)> quoted, int start, int end) =>
        quoted.Any(q => q.Open < start && end <= q.Close && (start - q.Open > 2 || q.Close - end > 2));

    private Match? MatchAt(string text, IReadOnlyList<TextToken> tokens, int i)
    {
        var content = i;
        if (i + 1 < tokens.Count && tokens[i + 1].Sentence == tokens[i].Sentence && NameNormalizer.IsArticleBefore(tokens[i].Key, tokens[i + 1].Key))
        {
            content = i + 1; // "Al Safira", "al-Atarib": the span starts at the article
        }

        var head = tokens[content];
        if (!head.IsArabic && !head.IsCapitalized)
        {
            // « château d'Alep », « place Sadallah El-Cabiri », « aéroport d'Alep »: a known name of several words may start
            // in lower case when a capitalised word follows inside it.
            // « la base 46 », « base du 46e régiment », « 46. Alay »: or a number inside it.
            return LongestExact(tokens, i, content, head.Key) is { } phrase && phrase.Last > content && (HasCapital(tokens, content + 1, phrase.Last) || HasNumber(tokens, content, phrase.Last)) ? phrase : null;
        }

        var exact = LongestExact(tokens, i, content, head.Key) ?? (head.IsArabic ? ArabicWithPrefix(tokens, i, content) : null);

        // A cue word (« ville », "village", « مدينة ») that is also a place's name starts only a longer name.
        var cueWord = vocabulary.BeforeByLastWord.ContainsKey(head.Key) && content + 1 < tokens.Count && tokens[content + 1].Sentence == head.Sentence;
        if (cueWord)
        {
            return exact is not null && exact.Last > content ? exact : null;
        }

        // "Kafr Roumma", "Tall Mardikh": a spelling variant of the whole capitalised name beats an exact match of its first word.
        if (exact is not null && !head.IsArabic && CapitalisedRun(tokens, i, content) > exact.Last && Phonetic(tokens, i, content, exact.Last + 1) is { } longer)
        {
            return longer;
        }

        // « وكفر باسين », « وتل رفعت »: "and" written on a generic head makes no village of the head (وكفر is not Kafir);
        // the head and the name after it are one name, as without the prefix.
        if (head.IsArabic && (exact is null || exact.Last == content) && PrefixedGenericHead(head) is { } bareHead && ArabicNameRun(tokens, content) > content)
        {
            if (ArabicWithPrefix(tokens, i, content) is { } prefixed && prefixed.Last > content)
            {
                return prefixed;
            }

            var bare = tokens.ToArray();
            bare[content] = bareHead;
            return Phonetic(bare, i, content, content + 1) is { } whole && whole.Last == content + 1
                ? whole with { End = tokens[whole.Last].End }
                : new Match(i, content + 1, tokens[content + 1].End, index.Fuzzy(Key(bare, i, content + 1), 5));
        }

        // « Kafr Zibdiyeh », « تل قرموش »: « Kafr » alone is not the place; the whole name is, spelled a little differently
        // (« كفر باسين » for « كفر بسين ») or unknown.
        if (exact is not null && exact.Last == content && vocabulary.GenericHeads.Contains(head.Key))
        {
            var run = head.IsArabic ? ArabicNameRun(tokens, content) : CapitalisedRun(tokens, i, content);
            if (run > content)
            {
                return Phonetic(tokens, i, content, content + 1) is { } whole && whole.Last <= run
                    ? whole
                    : new Match(i, run, tokens[run].End, index.Fuzzy(Key(tokens, i, run), 5));
            }
        }

        // « La base 46 », « Les rebelles »: a capitalised function word is a name only when written exactly as one.
        if (exact is null && !head.IsArabic && content == i && vocabulary.FunctionWords.Contains(head.Key))
        {
            return null;
        }

        // « 46. Alay », "the 46th Regiment": a capitalised word after a number names a unit, not a place that sounds like it.
        if (exact is null && !head.IsArabic && i > 0 && IsNumber(tokens[i - 1]) && tokens[i].Start - tokens[i - 1].End <= 2)
        {
            return null;
        }

        return exact
            ?? Phonetic(tokens, i, content, content)
            ?? (head.IsArabic ? null : Glued(text, tokens, i, content))
            ?? Unmatched(tokens, i, content);
    }

    // « l'aéroport militaire d'Abou Douhour »: when the cue names a kind none of the candidates is, the place of that kind
    // named after them (the base "Abu al-Duhur Military Airbase") is a candidate too.
    private IReadOnlyList<PlaceCandidate> WithNamedAfter(IReadOnlyList<PlaceCandidate> candidates, MentionCue cue, string spanKey)
    {
        if (cue.Kind is not { } kind || !NamedAfterKinds.TryGetValue(kind, out var kinds) || candidates.Count == 0 || candidates.Any(c => kinds.Contains(c.Entry.Kind)))
        {
            return candidates;
        }

        // « la deuxième ville de Syrie », "the largest town in Syria": a country written exactly holds the place the cue
        // speaks of; it lends its name to no look-alike.
        if (candidates.Any(c => c.Match == NameMatch.Exact && c.Entry.Kind == PlaceKind.Country))
        {
            return candidates;
        }

        // « Zehra Mahallesi »: the exact name is a town's; the neighbourhood spelled a little differently fits the cue.
        var variants = candidates[0].Match == NameMatch.Exact ? index.Phonetic(spanKey).Where(c => kinds.Contains(c.Entry.Kind)).ToList() : [];
        if (variants.Count > 0)
        {
            return [.. candidates, .. variants];
        }

        // « Halep Havaalanı »: the name as written too, when it only matched a variant of the city's name (Halab).
        var extra = candidates
            .Select(c => NameNormalizer.Normalize(c.MatchedName))
            .Append(spanKey)
            .Distinct()
            .SelectMany(key => index.NamedAfter(key, kinds, candidates.Max(c => c.NameScore) - 0.05, candidates[0].Match))
            .ToList();
        return extra.Count == 0 ? candidates : [.. candidates, .. extra];
    }

    private static readonly Dictionary<PlaceKind, IReadOnlySet<PlaceKind>> NamedAfterKinds = new()
    {
        [PlaceKind.Airbase] = new HashSet<PlaceKind> { PlaceKind.Airbase, PlaceKind.Airport },
        [PlaceKind.Airport] = new HashSet<PlaceKind> { PlaceKind.Airport, PlaceKind.Airbase },
        [PlaceKind.MilitaryBase] = new HashSet<PlaceKind> { PlaceKind.MilitaryBase, PlaceKind.Airbase },
        [PlaceKind.Square] = new HashSet<PlaceKind> { PlaceKind.Square },
        [PlaceKind.Junction] = new HashSet<PlaceKind> { PlaceKind.Junction },
        [PlaceKind.Road] = new HashSet<PlaceKind> { PlaceKind.Road },
        [PlaceKind.Landmark] = new HashSet<PlaceKind> { PlaceKind.Landmark },
        [PlaceKind.Neighbourhood] = new HashSet<PlaceKind> { PlaceKind.Neighbourhood },
        [PlaceKind.District] = new HashSet<PlaceKind> { PlaceKind.District, PlaceKind.Subdistrict, PlaceKind.Neighbourhood },
        [PlaceKind.Village] = new HashSet<PlaceKind> { PlaceKind.Village, PlaceKind.Town },
        [PlaceKind.Town] = new HashSet<PlaceKind> { PlaceKind.Town, PlaceKind.City, PlaceKind.Village },
        [PlaceKind.City] = new HashSet<PlaceKind> { PlaceKind.City, PlaceKind.Town },
    };

    private Match? LongestExact(IReadOnlyList<TextToken> tokens, int first, int content, string headKey)
    {
        // A fused Arabic article (الأتارب) is not part of the index's first words.
        var gate = headKey.Length > 4 && headKey.StartsWith("ال", StringComparison.Ordinal) ? headKey[2..] : headKey;
        var maxWords = index.MaxWordsStartingWith(gate);
        var stemWords = tokens[content].StemKey is { } stem ? index.MaxWordsStartingWith(stem) : 0;
        if (maxWords == 0 && stemWords == 0)
        {
            return null;
        }

        Match? best = null;
        string? bestKey = null;
        var words = new List<string>(MaxSpanTokens);
        for (var k = first; k < tokens.Count && k - first < MaxSpanTokens; k++)
        {
            if (k > first && (tokens[k].Sentence != tokens[first].Sentence || tokens[k].PunctuationBefore) && !AfterOrdinal(tokens, k))
            {
                break;
            }

            words.Add(tokens[k].Key);

            // One Latin word is its own key; joining (articles, fused forms) matters from two words on, or in Arabic.
            var key = words.Count == 1 && !tokens[k].IsArabic ? words[0] : NameNormalizer.JoinWords(words);
            var wordCount = CountWords(key);
            if (wordCount > Math.Max(maxWords, stemWords))
            {
                break;
            }

            var candidates = index.Exact(key);
            if (candidates.Count > 0)
            {
                best = new Match(first, k, tokens[k].End, candidates);
                bestKey = key;
            }
            else if (tokens[k].StemKey is { } stemKey)
            {
                // « Halep'in », "Idlib's", « Halep Kalesi'ne »: the name without its suffix. Its variants are not looked up:
                // the key of a shorter match (« halep ») must not lend its variants to this one.
                words[^1] = stemKey;
                candidates = index.Exact(NameNormalizer.JoinWords(words));
                if (candidates.Count > 0)
                {
                    best = new Match(first, k, tokens[k].End, candidates);
                    bestKey = null;
                }

                break;
            }
        }

        return best is not null && best.Last >= content
            ? (bestKey is null ? best : best with { Candidates = WithVariants(best.Candidates, bestKey) })
            : null;
    }

    // « 46. Alay »: a Turkish ordinal is a number and a full stop, which the tokenizer reads as a sentence's end.
    private static bool AfterOrdinal(IReadOnlyList<TextToken> tokens, int k) =>
        k > 0 && IsNumber(tokens[k - 1]) && tokens[k].Start - tokens[k - 1].End == 2 && tokens[k].Sentence == tokens[k - 1].Sentence + 1;

    // « وكفر », « وتل »: a generic head with a one-letter prefix written on it, as the bare head.
    private TextToken? PrefixedGenericHead(TextToken head)
    {
        foreach (var prefix in vocabulary.ArabicPrefixes)
        {
            if (head.Key.Length > prefix.Length && head.Key.StartsWith(prefix, StringComparison.Ordinal) && vocabulary.GenericHeads.Contains(head.Key[prefix.Length..]))
            {
                return head with { Key = head.Key[prefix.Length..] };
            }
        }

        return null;
    }

    // بحلب, وسراقب, بالأتارب: one-letter prefixes written attached to the name.
    private Match? ArabicWithPrefix(IReadOnlyList<TextToken> tokens, int first, int content)
    {
        var key = tokens[content].Key;
        foreach (var prefix in vocabulary.ArabicPrefixes)
        {
            if (key.Length - prefix.Length < 3 || !key.StartsWith(prefix, StringComparison.Ordinal)
                || index.MaxWordsStartingWith(NameNormalizer.Normalize(key[prefix.Length..])) == 0)
            {
                continue;
            }

            // « وساحة سعد الله الجابري »: a cue word starts only a longer name, as without the prefix.
            var cueWord = vocabulary.BeforeByLastWord.ContainsKey(key[prefix.Length..]);

            var stripped = tokens[content] with { Key = key[prefix.Length..] };
            var shifted = new List<TextToken>(tokens.Count - first);
            for (var k = first; k < tokens.Count && k - first < MaxSpanTokens; k++)
            {
                shifted.Add(k == content ? stripped : tokens[k]);
            }

            var match = LongestExact(shifted, 0, content - first, stripped.Key);
            if (match is not null && (!cueWord || match.Last > content - first))
            {
                return match with { First = first, Last = first + match.Last };
            }
        }

        return null;
    }

    private Match? Phonetic(IReadOnlyList<TextToken> tokens, int first, int content, int shortestLast)
    {
        // Arabic has no capitals to tell names from words: only multi-word names, or a name after a cue.
        var arabic = tokens[content].IsArabic;
        var run = arabic ? Math.Min(tokens.Count - 1, content + 2) : CapitalisedRun(tokens, first, content);
        for (var last = run; last >= shortestLast; last--)
        {
            // « الأهالي إلى » is no two-word name: a look-alike does not run across a small word or punctuation.
            if (arabic && (tokens[last].Sentence != tokens[first].Sentence || CrossesSmallWord(tokens, content, last)))
            {
                continue;
            }

            var candidates = index.Phonetic(Key(tokens, first, last));
            if (candidates.Count == 0 && tokens[last].StemKey is not null)
            {
                candidates = index.Phonetic(Key(tokens, first, last, stemLast: true));
            }

            if (candidates.Count > 0)
            {
                return new Match(first, last, tokens[last].End, candidates);
            }
        }

        return null;
    }

    private bool CrossesSmallWord(IReadOnlyList<TextToken> tokens, int content, int last)
    {
        for (var k = content + 1; k <= last; k++)
        {
            if (tokens[k].PunctuationBefore || vocabulary.Links.Contains(tokens[k].Key) || vocabulary.FunctionWords.Contains(tokens[k].Key))
            {
                return true;
            }
        }

        return false;
    }

    private Match? Glued(string text, IReadOnlyList<TextToken> tokens, int first, int content)
    {
        if (content != first)
        {
            return null;
        }

        var token = tokens[content];
        foreach (var glued in GluedWords)
        {
            if (token.Key.Length - glued.Length < 3 || !token.Key.EndsWith(glued, StringComparison.Ordinal))
            {
                continue;
            }

            var stem = token.Key[..^glued.Length];
            var candidates = index.Exact(stem);
            if (candidates.Count == 0)
            {
                candidates = index.Phonetic(stem);
            }

            if (candidates.Count == 0)
            {
                continue;
            }

            // Find where the glued word starts in the surface (folding may change lengths: « à » is one letter).
            for (var n = 1; n <= glued.Length + 2 && n < token.End - token.Start; n++)
            {
                if (NameNormalizer.FoldWord(text[(token.End - n)..token.End]) == glued)
                {
                    return new Match(first, content, token.End - n, candidates);
                }
            }
        }

        return null;
    }

    // A capitalised span right after a kind cue (« le village de X ») is a place we do not know: keep it, unresolved.
    private Match? Unmatched(IReadOnlyList<TextToken> tokens, int first, int content)
    {
        if (tokens[content].IsArabic || BeforeCue(tokens, first) is not { Kind: not null })
        {
            return null;
        }

        var last = CapitalisedRun(tokens, first, content);
        return new Match(first, last, tokens[last].End, index.Fuzzy(Key(tokens, first, last), 5));
    }

    private static bool InsideHyphenated(string text, int start, int end) =>
        (end + 1 < text.Length && text[end] == '-' && char.IsLetter(text[end + 1]) && char.IsLower(text[end + 1]))
        || (start >= 2 && text[start - 1] == '-' && char.IsLetter(text[start - 2]));

    // A transliteration mark (Mare', Ma'arrat, ʿ) shows a transliterated name, not a common word.
    private static bool HasMark(string text, TextToken token)
    {
        for (var c = token.Start; c < token.End; c++)
        {
            if (text[c] is '\'' or '’' or '‘' or 'ʿ' or 'ʾ' or '`')
            {
                return true;
            }
        }

        return false;
    }

    // Places spelled a little differently compete with the exact name: context may prefer them (« Aziziye, Humus kırsalı »).
    private IReadOnlyList<PlaceCandidate> WithVariants(IReadOnlyList<PlaceCandidate> exact, string key) =>
        _withVariants.Count < 100_000 ? _withVariants.GetOrAdd(key, k => CombineVariants(exact, k)) : CombineVariants(exact, key);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<PlaceCandidate>> _withVariants = new(StringComparer.Ordinal);

    private IReadOnlyList<PlaceCandidate> CombineVariants(IReadOnlyList<PlaceCandidate> exact, string key)
    {
        // A country written exactly (« la deuxième ville de Syrie ») is that country, not a village that sounds like it.
        var variants = exact.Any(c => c.Entry.Kind == PlaceKind.Country) ? [] : index.Phonetic(key);
        if (variants.Count == 0)
        {
            return exact;
        }

        var ids = exact.Select(c => c.Entry.Id).ToHashSet();
        return [.. exact, .. variants.Where(v => !ids.Contains(v.Entry.Id))];
    }

    private static bool HasNumber(IReadOnlyList<TextToken> tokens, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (tokens[k].Key.Any(char.IsAsciiDigit))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNumber(TextToken token) => token.Key.All(char.IsAsciiDigit);

    private static bool HasCapital(IReadOnlyList<TextToken> tokens, int first, int last)
    {
        for (var k = first; k <= last; k++)
        {
            if (tokens[k].IsCapitalized)
            {
                return true;
            }
        }

        return false;
    }

    // The word after an Arabic generic head belongs to the name unless it is a small word or the sentence ends.
    private int ArabicNameRun(IReadOnlyList<TextToken> tokens, int content) =>
        content + 1 < tokens.Count && tokens[content + 1].IsArabic && tokens[content + 1].Sentence == tokens[content].Sentence
            && !tokens[content + 1].PunctuationBefore && !vocabulary.Links.Contains(tokens[content + 1].Key)
            ? content + 1
            : content;

    private static int CapitalisedRun(IReadOnlyList<TextToken> tokens, int first, int content)
    {
        var last = content;
        while (last + 1 < tokens.Count && last + 1 - first < MaxRunTokens && tokens[last + 1].Sentence == tokens[first].Sentence
            && !tokens[last + 1].PunctuationBefore
            && (tokens[last + 1].IsCapitalized || (last + 2 < tokens.Count && tokens[last + 2].IsCapitalized && NameNormalizer.IsArticleBefore(tokens[last + 1].Key, tokens[last + 2].Key))))
        {
            last++;
        }

        return last;
    }

    private MentionCue CueAround(IReadOnlyList<TextToken> tokens, int first, int last, bool[] covered)
    {
        var before = BeforeCue(tokens, first, covered);
        var after = AfterCue(tokens, last);
        if (before is null && after is null)
        {
            return MentionCue.Empty;
        }

        var kind = before?.Kind ?? after?.Kind;
        var relation = before?.Relation is { } r && r != CueRelation.None ? r : after?.Relation ?? CueRelation.None;
        var bearing = before?.Bearing is { } b && b != Bearing.None ? b : after?.Bearing ?? Bearing.None;
        var text = string.Join(" … ", new[] { before, after }.Where(c => c is not null).Select(c => string.Join(' ', c!.Words)));
        return new MentionCue(kind, relation, bearing, text);
    }

    // « le village de X », « au nord d'X », "the town of X": the cue's last word, then only small link words.
    private PlaceCue? BeforeCue(IReadOnlyList<TextToken> tokens, int first, bool[]? covered = null)
    {
        var k = first - 1;
        var links = 0;
        while (k >= 0 && tokens[k].Sentence == tokens[first].Sentence && vocabulary.Links.Contains(tokens[k].Key) && links < 3)
        {
            k--;
            links++;
        }

        if (k < 0 || tokens[k].Sentence != tokens[first].Sentence)
        {
            return null;
        }

        if (!vocabulary.BeforeByLastWord.TryGetValue(tokens[k].Key, out var cues))
        {
            // « ومطار كويرس », « وبلدة سراقب »: a one-word Arabic cue with "and" or a preposition written on it.
            return tokens[k].IsArabic && PrefixedArabicCue(tokens[k].Key) is { } prefixed && (links > 0 || prefixed.Relation != CueRelation.Direction) ? prefixed : null;
        }

        foreach (var cue in cues)
        {
            if (EndsWith(tokens, k, cue.Words) && (links > 0 || cue.Relation != CueRelation.Direction))
            {
                // "the Hamdaniya district of Aleppo": a kind written right after a capitalised name is that name's.
                var start = k - cue.Words.Count + 1;
                var afterName = cue.Kind is not null && covered is not null && start > 0 && covered[start - 1] && tokens[start - 1].IsCapitalized
                    && tokens[start - 1].Sentence == tokens[start].Sentence && !tokens[start].PunctuationBefore;
                return afterName ? null : cue;
            }
        }

        return null;
    }

    private PlaceCue? PrefixedArabicCue(string key)
    {
        foreach (var prefix in vocabulary.ArabicPrefixes)
        {
            if (key.Length - prefix.Length >= 3 && key.StartsWith(prefix, StringComparison.Ordinal)
                && vocabulary.BeforeByLastWord.TryGetValue(key[prefix.Length..], out var cues) && cues.FirstOrDefault(c => c.Words.Count == 1) is { } cue)
            {
                return cue;
            }
        }

        return null;
    }

    // "Idlib province", « Serakib kasabası », « ريف حلب الغربي »: the cue follows the name directly; a kind may also
    // follow as an apposition ("Kuwayris, a village east of…", « Dana, une ville du nord »).
    private PlaceCue? AfterCue(IReadOnlyList<TextToken> tokens, int last)
    {
        var k = last + 1;
        if (k >= tokens.Count || tokens[k].Sentence != tokens[last].Sentence)
        {
            return null;
        }

        var apposition = tokens[k].PunctuationBefore;
        if (apposition && Articles.Contains(tokens[k].Key) && k + 1 < tokens.Count && tokens[k + 1].Sentence == tokens[k].Sentence)
        {
            k++;
        }

        if (!vocabulary.AfterByFirstWord.TryGetValue(tokens[k].Key, out var cues) && !(apposition && vocabulary.BeforeByLastWord.TryGetValue(tokens[k].Key, out cues)))
        {
            return null;
        }

        foreach (var cue in cues)
        {
            if (StartsWith(tokens, k, cue.Words) && (!apposition || (cue.Kind is not null && cue.Relation == CueRelation.None)))
            {
                return cue;
            }
        }

        return null;
    }

    private static readonly HashSet<string> Articles = ["a", "an", "the", "un", "une", "le", "la", "bir"];

    private bool Keep(string text, IReadOnlyList<TextToken> tokens, bool[] covered, Match match, MentionCue cue, string? language)
    {
        // One word, or an article and one word ("al-Madina"): the cases where a common word can pass for a name.
        var lone = match.First == match.Last || (match.Last == match.First + 1 && NameNormalizer.IsArticleBefore(tokens[match.First].Key, tokens[match.Last].Key));
        var word = tokens[match.Last];
        var bare = lone ? BareForms(word).ToList() : [];

        // « دخلوا المدينة », « أحياء المدينة », « مقاتلو الفصائل », « الريف الغربي »: a generic head, a direction adjective
        // or the fighters are never a place alone, whatever stands before them.
        if (bare.Any(b => vocabulary.IsNeverAlone(b, language)))
        {
            return false;
        }

        // « اليوم الخميس » (Thursday, not al-Khamisiyeh), « وآذار » (and March, not Athar), « Cuma », "Sunday": a day or a
        // month is no place unless a cue names a place written exactly so (« قرية الخميس » is no Khamisiyeh either).
        if (bare.Any(vocabulary.DateWords.Contains) && (cue == MentionCue.Empty || match.Candidates.All(c => c.Match != NameMatch.Exact)))
        {
            return false;
        }

        // « PKK/YPG », "SDF", « HTŞ »: words in capitals are acronyms, an organisation's name; only a place's name written
        // exactly so makes one a place, even after a cue (« PKK/YPG kenti » is no city), never a look-alike (PKK is not Bqoo).
        if (IsAcronym(text, tokens, match) && match.Candidates.All(c => c.Match != NameMatch.Exact))
        {
            return false;
        }

        if (cue != MentionCue.Empty)
        {
            return true;
        }

        // "Assad's rule", « Esad'ın », « d'Assad », « al-Assad », « Colani'nin »: a person's last name, whatever is written
        // on it, is that person and not a village spelled like it (Sadad, Jlein).
        if (bare.Any(vocabulary.Surnames.Contains))
        {
            return false;
        }

        if (lone && !HasMark(text, word) && !RejectsCommonWord(tokens, match, word, bare, language))
        {
            return false;
        }

        // Part of a hyphenated word that is not a place (« Bourg-la-Reine »): a look-alike is not enough.
        if (match.Candidates.All(c => c.Match != NameMatch.Exact) && !tokens[match.First].IsArabic && InsideHyphenated(text, tokens[match.First].Start, match.End))
        {
            return false;
        }

        if (match.Candidates.Count == 0 || match.Candidates[0].Match == NameMatch.Fuzzy)
        {
            return match.Last > match.First && (vocabulary.GenericHeads.Contains(tokens[match.First].Key) || PrefixedGenericHead(tokens[match.First]) is not null);
        }

        var key = Key(tokens, match.First, match.Last);
        var plain = match.First == match.Last && !HasMark(text, tokens[match.First]);
        if ((plain && vocabulary.IsHomograph(key, language)) || (!tokens[match.First].IsArabic && (key.Length <= 2 || (key.Length == 3 && match.Candidates[0].Match != NameMatch.Exact))))
        {
            return false; // « la mare », "Dana" alone need a cue (« al-Bab », « Mare' » are names); so do very short names
        }

        // A capitalised function word (« Plus de 50 villes », « Ainsi », « En Syrie ») is no start of a name variant.
        var head = match.First < match.Last && NameNormalizer.IsArticleBefore(tokens[match.First].Key, tokens[match.First + 1].Key) ? match.First + 1 : match.First;
        if (vocabulary.FunctionWords.Contains(tokens[head].Key) && (match.First == match.Last || match.Candidates.All(c => c.Match != NameMatch.Exact)))
        {
            return false; // « على » is "on" before it is a village called Ali; "Friday" is no place
        }

        // A lone word that only sounds like a name needs a close spelling (an Arabic one more so: no capitals say it is a name).
        var minimum = tokens[match.First].IsArabic ? MinimumLoneArabicVariantScore : MinimumLoneLatinVariantScore;
        if (!key.Contains(' ', StringComparison.Ordinal) && match.Candidates.All(c => c.Match == NameMatch.Phonetic && c.NameScore < minimum))
        {
            return false;
        }

        // Part of a longer capitalised name that is not a place ("Bachar al-Assad", "Tahrir Damas", "Dmitri Peskov").
        // A sentence's first word is capitalised anyway, so it does not count.
        // A title after the name (« Halep Valisi ») leaves it the place's name.
        return !CapitalisedNeighbour(tokens, covered, match.First - 1, match.First)
            && (IsTitled(tokens, match) || !CapitalisedNeighbour(tokens, covered, match.Last + 1, match.Last));
    }

    // A lone word without a cue. Arabic has no capitals, so every word is a candidate: a look-alike is never enough, and an
    // exact name counts only when its article agrees (« الكردية » is an adjective, the village is « كردية »; « ظهر »
    // is noon, the village « الظهر »). A Latin look-alike must be spelled close to the name, not only sound like it
    // ("Heavy" is not Hawa, "State" not Shatheh; « Halep » is Halab). A common word of the language, or one the
    // vocabulary lists as a homograph (الحرية is freedom before it is Hurriyeh), is no name.
    private bool RejectsCommonWord(IReadOnlyList<TextToken> tokens, Match match, TextToken word, List<string> bare, string? language)
    {
        // « Ordunun » (the army's), « Rejimin », « Kürtler »: a common noun or an ethnonym keeps its ending written on it
        // (a name takes one after an apostrophe), so the word without the ending is checked too.
        if (bare.Any(b => vocabulary.CommonWords.Contains(b, language) || (word.IsArabic && vocabulary.IsHomograph(b, language)))
            || WithoutEndings(word, language).Any(b => vocabulary.CommonWords.Contains(b, language) || vocabulary.IsHomograph(b, language)
                || (vocabulary.FunctionWords.Contains(b) && !vocabulary.DateWords.Contains(b))))
        {
            return false;
        }

        if (word.IsArabic)
        {
            // « أجزاء » (parts), « أطراف » (outskirts), « أنحاء »: a common noun's broken plural is no look-alike of a name.
            if (bare.Any(IsBrokenPlural) && match.Candidates.All(c => c.Match != NameMatch.Exact))
            {
                return false;
            }

            // « الطريق » (the road, not al-Traq), « سيطرتها الكاملة » (its complete control, not al-Kamiliyeh): a lone definite
            // word is a common noun or an adjective, not a look-alike of a name; only a name written exactly so is one.
            var article = HasArabicArticle(tokens[match.First].Key);
            if (article && match.Candidates.All(c => c.Match != NameMatch.Exact))
            {
                return false;
            }

            // Exact, or a look-alike spelled nearly the same (« عزاز » for « اعزاز », « كفرتخاريم »), with the same article.
            var written = bare[0].Replace(" ", string.Empty, StringComparison.Ordinal);
            return match.Candidates.Any(c => HasArabicArticle(NameNormalizer.FoldWord(c.MatchedName.Split(' ')[0])) == article
                && (c.Match == NameMatch.Exact || Similarity.Ratio(written, NameNormalizer.Normalize(c.MatchedName).Replace(" ", string.Empty, StringComparison.Ordinal)) >= MinimumArabicLookAlikeSpelling));
        }

        return match.Candidates.Any(c => c.Match == NameMatch.Exact || c.NameScore >= MinimumLoneLookAlikeScore);
    }

    // The pattern of plural nouns أفعال (أجزاء, أطراف, أحياء, أرياف), folded: alef, two letters, alef, then the last
    // letter (a final hamza folds away).
    private static bool IsBrokenPlural(string key) => key.Length is 4 or 5 && key[0] == 'ا' && key[3] == 'ا' && key[1] != 'ل';

    // The word's orthographic keys with and without an attached one-letter prefix (« وبالمدينة », « للمدينة »).
    private IEnumerable<string> BareForms(TextToken word)
    {
        yield return NameNormalizer.Normalize(word.StemKey ?? word.Key);
        if (!word.IsArabic)
        {
            yield break;
        }

        foreach (var prefix in vocabulary.ArabicPrefixes)
        {
            if (word.Key.Length - prefix.Length >= 2 && word.Key.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = word.Key[prefix.Length..];
                yield return NameNormalizer.Normalize(prefix.EndsWith('ل') && rest.StartsWith('ل') ? "ا" + rest : rest);
            }
        }
    }

    // A Latin word with an ending of the language written directly on it (« Ordunun », « Kürtler »): the word without it.
    // A month's abbreviation so left (« Mare » less « e ») says nothing.
    private IEnumerable<string> WithoutEndings(TextToken word, string? language)
    {
        if (word.IsArabic || word.StemKey is not null || language is null || !vocabulary.NounEndings.TryGetValue(language, out var endings))
        {
            yield break;
        }

        foreach (var ending in endings)
        {
            if (word.Key.Length - ending.Length >= 3 && word.Key.EndsWith(ending, StringComparison.Ordinal))
            {
                yield return NameNormalizer.Normalize(word.Key[..^ending.Length]);
            }
        }
    }

    // The Arabic article written on the word, after an attached prefix (« والأتارب », « بالباب », « للمدينة »).
    private bool HasArabicArticle(string key) =>
        key.StartsWith("ال", StringComparison.Ordinal)
        || vocabulary.ArabicPrefixes.Any(p => key.Length > p.Length + 2 && key.StartsWith(p, StringComparison.Ordinal)
            && (key.AsSpan(p.Length).StartsWith("ال", StringComparison.Ordinal) || (p.EndsWith('ل') && key[p.Length] == 'ل')));

    /// <summary>True when an office's title follows the name (« Halep Valisi »): the holder is meant, not the place.</summary>
    private bool IsTitled(IReadOnlyList<TextToken> tokens, Match match) =>
        match.Last + 1 < tokens.Count && tokens[match.Last + 1].Sentence == tokens[match.Last].Sentence && !tokens[match.Last + 1].PunctuationBefore
        && (vocabulary.Titles.Contains(tokens[match.Last + 1].Key) || (tokens[match.Last + 1].StemKey is { } stem && vocabulary.Titles.Contains(stem)));

    private static bool CapitalisedNeighbour(IReadOnlyList<TextToken> tokens, bool[] covered, int neighbour, int inside)
    {
        if (neighbour < 0 || neighbour >= tokens.Count || covered[neighbour])
        {
            return false;
        }

        // A suffix after an apostrophe ends a name (« Suriye Milli Ordusu'nun Münbiç operasyonu »): the word before
        // carrying one is a name of its own, not the start of a longer one.
        var (near, far) = neighbour < inside ? (tokens[neighbour], tokens[inside]) : (tokens[inside], tokens[neighbour]);
        return far.Sentence == near.Sentence && !far.PunctuationBefore && tokens[neighbour].IsCapitalized && !tokens[neighbour].IsSentenceStart
            && near.StemKey is null;
    }

    private static bool EndsWith(IReadOnlyList<TextToken> tokens, int last, IReadOnlyList<string> words)
    {
        var first = last - words.Count + 1;
        if (first < 0)
        {
            return false;
        }

        for (var w = 0; w < words.Count; w++)
        {
            if (tokens[first + w].Key != words[w] || tokens[first + w].Sentence != tokens[last].Sentence)
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsWith(IReadOnlyList<TextToken> tokens, int first, IReadOnlyList<string> words)
    {
        if (first + words.Count > tokens.Count)
        {
            return false;
        }

        for (var w = 0; w < words.Count; w++)
        {
            if (tokens[first + w].Key != words[w] || tokens[first + w].Sentence != tokens[first].Sentence)
            {
                return false;
            }
        }

        return true;
    }

    private static string Key(IReadOnlyList<TextToken> tokens, int first, int last, bool stemLast = false)
    {
        var words = new List<string>(last - first + 1);
        for (var k = first; k <= last; k++)
        {
            words.Add(stemLast && k == last ? tokens[k].StemKey ?? tokens[k].Key : tokens[k].Key);
        }

        return NameNormalizer.JoinWords(words);
    }

    private static int CountWords(string key)
    {
        var count = key.Length == 0 ? 0 : 1;
        foreach (var c in key)
        {
            if (c == ' ')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Tokens <see cref="First"/>..<see cref="Last"/> matched; <see cref="End"/> is the character offset the span ends at.</summary>
    private sealed record Match(int First, int Last, int End, IReadOnlyList<PlaceCandidate> Candidates);

    // « يوم الجمعة حلب الجديدة »: a look-alike of several words that starts with a day or a month is no name, and must not
    // swallow the name after it (the day is rejected later, but the words it covered would be lost).
    private bool StartsWithDayOrMonth(IReadOnlyList<TextToken> tokens, Match match) =>
        match.Last > match.First
        && match.Candidates.All(c => c.Match != NameMatch.Exact)
        && BareForms(tokens[match.First]).Any(vocabulary.DateWords.Contains);

    // Every word of the match in capitals, two to five letters each (an acronym, not a shouted name).
    private static bool IsAcronym(string text, IReadOnlyList<TextToken> tokens, Match match)
    {
        for (var k = match.First; k <= match.Last; k++)
        {
            var word = text.AsSpan(tokens[k].Start, tokens[k].End - tokens[k].Start);
            var letters = 0;
            foreach (var c in word)
            {
                if (char.IsLetter(c))
                {
                    if (!char.IsUpper(c))
                    {
                        return false;
                    }

                    letters++;
                }
            }

            if (letters is < 2 or > 5)
            {
                return false;
            }
        }

        return true;
    }
}
