using System.Collections.Frozen;
using NetTopologySuite.Geometries;
using Territory.Domain.Places;

namespace Territory.Ingestion.Geocoding;

/// <summary>Settings of the disambiguation; the defaults fit the Aleppo–Idlib theater.</summary>
public sealed record ResolverOptions
{
    /// <summary>The theater's extent (lon/lat): places inside it are preferred when nothing else decides.</summary>
    public Envelope Theater { get; init; } = new(35.6, 38.8, 35.0, 37.0);

    /// <summary>Below this score a mention stays unresolved and lists its candidates instead.</summary>
    public double MinimumScore { get; init; } = 0.75;

    /// <summary>Candidates of one span closer than this (km) and of compatible kinds are the same place.</summary>
    public double SamePlaceKm { get; init; } = 3.0;

    /// <summary>Settlements with the same name in two different gazetteers closer than this (km) are the same place.</summary>
    public double SameNameAcrossSourcesKm { get; init; } = 60.0;
}

/// <summary>
/// Chooses, for each mention of a text, the place it names: name fit, then the words around it (kind cues,
/// admin and direction cues pointing at a neighbouring mention), the other places of the same text, the theater's
/// extent, then prominence. Records the score, the runner-up, the margin and an ACLED-style geoprecision.
/// Scores: 1 for an exact name with no other evidence; context adds or removes up to about 0.5.
/// </summary>
public sealed class PlaceResolver(ResolverOptions options)
{
    private const double MaxAnchorGapChars = 90;

    public PlaceResolver()
        : this(new ResolverOptions())
    {
    }

    // Places of one list this close (km) are neighbours: « Nubl et Zahra » is the town beside Nubl.
    private const double ListNeighbourKm = 15;

    /// <summary>Resolves every span of one text, in order.</summary>
    public IReadOnlyList<PlaceMention> Resolve(IReadOnlyList<MentionSpan> spans) => Resolve(spans, null, FrozenSet<string>.Empty);

    /// <summary>
    /// The same, reading from <paramref name="text"/> which spans form a list (joined by a comma or one of
    /// <paramref name="listJoiners"/>, folded): the reading of a name near the other places of its list wins.
    /// </summary>
    public IReadOnlyList<PlaceMention> Resolve(IReadOnlyList<MentionSpan> spans, string? text, IReadOnlySet<string> listJoiners)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(listJoiners);
        var clusters = spans.Select(s => Cluster(s.Candidates)).ToList();

        // First pass without the rest of the text: anchors for the admin and direction cues and for the document context.
        var firstScores = new List<List<ScoredCandidate>>(spans.Count);
        var first = new List<Scored?>(spans.Count);
        for (var i = 0; i < spans.Count; i++)
        {
            firstScores.Add(Score(spans[i], clusters[i], null, []));
            first.Add(Best(firstScores[i]));
        }

        var anchors = new List<GazetteerEntry>();
        for (var i = 0; i < spans.Count; i++)
        {
            if (first[i] is { } f && f.Score >= options.MinimumScore && f.Certain && IsPointLike(f.Top.Entry.Kind))
            {
                anchors.Add(f.Top.Entry);
            }
        }

        var mentions = new List<PlaceMention>(spans.Count);
        for (var i = 0; i < spans.Count; i++)
        {
            var constraint = ConstraintFor(spans, first, i) ?? ListedWith(spans, first, i, text, listJoiners) ?? RegionInSentence(spans, first, i);
            var context = anchors.Where(a => first[i] is not { } f || !ReferenceEquals(a, f.Top.Entry)).ToList();

            // With nothing new to weigh, the first pass stands.
            var scored = constraint is null && context.Count == 0 ? firstScores[i] : Score(spans[i], clusters[i], constraint, context);
            mentions.Add(ToMention(spans[i], scored));
        }

        return mentions;
    }

    private PlaceMention ToMention(MentionSpan span, List<ScoredCandidate> scored)
    {
        if (scored.Count == 0)
        {
            return new PlaceMention(span, null, 0, null, 0, 0, []);
        }

        var top = scored[0];
        var runnerUp = scored.Count > 1 ? scored[1] : null;
        var margin = top.Score - (runnerUp?.Score ?? 0);
        // A fuzzy look-alike is a suggestion for an analyst, never an answer.
        if (top.Score < options.MinimumScore || top.Match == NameMatch.Fuzzy)
        {
            return new PlaceMention(span, null, top.Score, runnerUp?.Entry, margin, 0, scored);
        }

        return new PlaceMention(span, top.Entry, top.Score, runnerUp?.Entry, margin, Geoprecision(span.Cue, top.Entry.Kind), scored);
    }

    /// <summary>ACLED's geoprecision: 1 the place itself, 2 part of or near it, 3 only a region.</summary>
    public static int Geoprecision(MentionCue cue, PlaceKind kind)
    {
        ArgumentNullException.ThrowIfNull(cue);
        if (cue.Relation == CueRelation.Region || kind is PlaceKind.Country or PlaceKind.Governorate or PlaceKind.District or PlaceKind.Subdistrict or PlaceKind.Region)
        {
            return 3;
        }

        return cue.Relation is CueRelation.Near or CueRelation.Direction || kind == PlaceKind.Road ? 2 : 1;
    }

    // The same place often comes from several gazetteers: merge candidates that are close and of compatible kinds,
    // keeping the preferred source's entry and the best name fit.
    private List<Clustered> Cluster(IReadOnlyList<PlaceCandidate> candidates)
    {
        var ordered = candidates
            .OrderByDescending(c => c.NameScore)
            .ThenBy(c => GazetteerSources.Rank(c.Entry.Source))
            .ToList();
        var kept = new List<Clustered>();
        foreach (var candidate in ordered)
        {
            var twin = kept.FindIndex(k => SameKindFamily(k.Candidate.Entry.Kind, candidate.Entry.Kind) && SamePlace(k.Candidate, candidate, ordered));
            if (twin < 0)
            {
                kept.Add(new Clustered(candidate, [candidate.Entry.Source]));
                continue;
            }

            var existing = kept[twin];
            var sources = existing.Sources.Add(candidate.Entry.Source);
            kept[twin] = GazetteerSources.Rank(candidate.Entry.Source) < GazetteerSources.Rank(existing.Candidate.Entry.Source)
                ? new Clustered(candidate with { NameScore = Math.Max(candidate.NameScore, existing.Candidate.NameScore), Match = Better(candidate.Match, existing.Candidate.Match) }, sources)
                : existing with { Sources = sources };
        }

        return kept;
    }

    // Two gazetteers naming a settlement the same way within a short drive are one place told twice (their points may
    // disagree by tens of km); within one source, only a few km.
    // Not when b's own source has a place of that name closer to a: then they are two places (two Danas in Idlib).
    private bool SamePlace(PlaceCandidate a, PlaceCandidate b, List<PlaceCandidate> all)
    {
        var distance = DistanceKm(a.Entry, b.Entry);
        if (distance <= options.SamePlaceKm)
        {
            return true;
        }

        if (distance > options.SameNameAcrossSourcesKm || a.Entry.Source == b.Entry.Source || a.Match != NameMatch.Exact || b.Match != NameMatch.Exact
            || !IsSettlement(a.Entry.Kind) || !IsSettlement(b.Entry.Kind))
        {
            return false;
        }

        return !all.Any(o => !ReferenceEquals(o, b) && o.Entry.Source == b.Entry.Source && o.Match == NameMatch.Exact && IsSettlement(o.Entry.Kind)
            && DistanceKm(a.Entry, o.Entry) < distance);
    }

    private List<ScoredCandidate> Score(MentionSpan span, List<Clustered> candidates, Constraint? constraint, List<GazetteerEntry> context)
    {
        var scored = new List<ScoredCandidate>(candidates.Count);
        foreach (var (candidate, sources) in candidates)
        {
            var entry = candidate.Entry;
            var parts = new ScoreBreakdown(candidate.MatchedName, candidate.NameScore)
            {
                KindCue = KindFit(span.Cue, entry.Kind),
                AdminArea = span.Cue.Relation != CueRelation.Region && span.Cue.Kind is null && entry.Kind is PlaceKind.District or PlaceKind.Subdistrict ? -0.1 : 0,
                Constraint = constraint?.Describe,
                ConstraintFit = constraint?.Fit(entry) ?? 0,
                Sources = sources.Count,

                // Gazetteers that agree independently on a place make it likelier.
                Corroboration = 0.05 * Math.Min(2, sources.Count - 1),
                Theater = options.Theater.Contains(entry.Lon, entry.Lat) ? 0.1 : 0,

                // Prominence decides between places with the name as written, less so for a look-alike name.
                Prominence = Prominence(entry) * (candidate.Match == NameMatch.Exact ? 1 : 0.5),
            };
            if (context.Count > 0 && IsPointLike(entry.Kind))
            {
                var median = MedianDistanceKm(context, entry);
                parts = parts with { ContextMedianKm = median, Context = 0.3 * Math.Exp(-median / 50) };
            }
            else if (context.Count > 0 && context.Any(a => Contains(entry, a) || (entry.Kind == PlaceKind.Country && entry.Pcode is { } country && a.Admin1Code?.StartsWith(country, StringComparison.Ordinal) == true)))
            {
                // A country or admin area that holds the text's other places fits it as well as a nearby village would.
                parts = parts with { ContextMedianKm = 0, Context = 0.25 };
            }

            var score = parts.Name + parts.KindCue + parts.AdminArea + parts.ConstraintFit + parts.Context + parts.Corroboration + parts.Theater + parts.Prominence;
            scored.Add(new ScoredCandidate(entry, Math.Round(score, 4), candidate.Match, parts));
        }

        scored.Sort((a, b) => b.Score.CompareTo(a.Score));
        return scored;
    }

    private static double MedianDistanceKm(List<GazetteerEntry> anchors, GazetteerEntry entry)
    {
        Span<double> distances = anchors.Count <= 64 ? stackalloc double[anchors.Count] : new double[anchors.Count];
        for (var i = 0; i < anchors.Count; i++)
        {
            distances[i] = DistanceKm(anchors[i], entry);
        }

        distances.Sort();
        return distances[distances.Length / 2];
    }

    // A first-pass answer is certain enough to anchor others when it leads clearly, or when its rivals lie close by anyway
    // (Hama the city and Hama the governorate).
    private static Scored? Best(List<ScoredCandidate> scored)
    {
        if (scored.Count == 0)
        {
            return null;
        }

        var top = scored[0];
        var certain = scored.Skip(1).All(r => top.Score - r.Score >= 0.1 || DistanceKm(top.Entry, r.Entry) <= 50
            || (top.Match == NameMatch.Exact && r.Match != NameMatch.Exact) || Contains(r.Entry, top.Entry) || Contains(top.Entry, r.Entry));
        return new Scored(top, top.Score, top.Score - (scored.Count > 1 ? scored[1].Score : 0), certain);
    }

    // A later mention in the same sentence can say where this one is: « Safira, à l'est d'Alep », "X in Idlib province",
    // « X, près de Hama ». Its first-pass place is the anchor.
    private static Constraint? ConstraintFor(IReadOnlyList<MentionSpan> spans, List<Scored?> first, int i)
    {
        for (var j = i + 1; j < spans.Count && spans[j].Sentence == spans[i].Sentence && spans[j].Start - spans[i].End <= MaxAnchorGapChars; j++)
        {
            if (first[j] is not { } anchor || anchor.Score < 0.65 || !anchor.Certain)
            {
                continue;
            }

            var cue = spans[j].Cue;
            var place = anchor.Top.Entry;
            if (cue.Relation == CueRelation.Direction && cue.Bearing != Bearing.None)
            {
                return new Constraint.Direction(place, cue.Bearing);
            }

            if (cue.Relation == CueRelation.Near)
            {
                return new Constraint.Near(place);
            }

            if (cue.Relation == CueRelation.Region || place.Kind is PlaceKind.Governorate or PlaceKind.District or PlaceKind.Subdistrict or PlaceKind.Country)
            {
                return new Constraint.Within(place);
            }
        }

        return null;
    }

    // « Souran et Maardès ... dans la province de Hama », "in Hama countryside, rebels took Suran": a governorate or a
    // city's countryside named anywhere in the sentence, when nothing closer says where the place is.
    private static Constraint? RegionInSentence(IReadOnlyList<MentionSpan> spans, List<Scored?> first, int i)
    {
        for (var j = 0; j < spans.Count; j++)
        {
            if (j == i || spans[j].Sentence != spans[i].Sentence || first[j] is not { } anchor || anchor.Score < 0.65 || !anchor.Certain)
            {
                continue;
            }

            var place = anchor.Top.Entry;
            if ((spans[j].Cue.Relation == CueRelation.Region && place.Admin1Code is not null) || place.Kind == PlaceKind.Governorate)
            {
                return new Constraint.SameSentence(place);
            }
        }

        return null;
    }

    // « Nubl and Zahraa », « نبل والزهراء », « Nubl, Zahra »: the neighbour in the same list, when its first reading is sure.
    private Constraint? ListedWith(IReadOnlyList<MentionSpan> spans, List<Scored?> first, int i, string? text, IReadOnlySet<string> joiners)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var j in new[] { i - 1, i + 1 })
        {
            if (j < 0 || j >= spans.Count || first[j] is not { } anchor || anchor.Score < options.MinimumScore || !anchor.Certain || !IsPointLike(anchor.Top.Entry.Kind))
            {
                continue;
            }

            var (left, right) = j < i ? (spans[j], spans[i]) : (spans[i], spans[j]);
            if (left.Sentence == right.Sentence && left.End <= right.Start && Joins(text[left.End..right.Start], joiners))
            {
                return new Constraint.Listed(anchor.Top.Entry);
            }
        }

        return null;
    }

    // Between two names of a list: a comma, an "and" word, or nothing (the Arabic "and" is written on the next name).
    private static bool Joins(string gap, IReadOnlySet<string> joiners)
    {
        var words = gap.Split([' ', ',', '،', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 || (words.Length == 1 && joiners.Contains(NameNormalizer.FoldWord(words[0])));
    }

    private static double KindFit(MentionCue cue, PlaceKind kind)
    {
        if (cue.Kind is not { } wanted)
        {
            // « la campagne d'Alep », "Aleppo countryside": the anchor of a region is a city or an admin unit.
            return cue.Relation == CueRelation.Region && kind is PlaceKind.City or PlaceKind.Governorate ? 0.1 : 0;
        }

        if (wanted == kind)
        {
            return 0.3;
        }

        return (wanted, kind) switch
        {
            // « la ville de Deraa », « مدينة درعا »: the word for a town is the word for a city.
            (PlaceKind.Town, PlaceKind.City) or (PlaceKind.City, PlaceKind.Town) => 0.3,
            (PlaceKind.Village or PlaceKind.Town or PlaceKind.City, PlaceKind.Village or PlaceKind.Town or PlaceKind.City) => 0.2,
            (PlaceKind.Airbase, PlaceKind.Airport) or (PlaceKind.Airport, PlaceKind.Airbase) => 0.25,
            (PlaceKind.MilitaryBase, PlaceKind.Airbase) => 0.15,
            (PlaceKind.District, PlaceKind.Subdistrict or PlaceKind.Neighbourhood) => 0.2,
            (PlaceKind.Neighbourhood, PlaceKind.District or PlaceKind.Subdistrict) => 0.1,
            (PlaceKind.Governorate, PlaceKind.City) => 0,
            _ => -0.25,
        };
    }

    private static double Prominence(GazetteerEntry entry)
    {
        var population = entry.Population is > 0 ? 0.08 * Math.Clamp(Math.Log10(entry.Population.Value + 1) / 6, 0, 1) : 0;
        var kind = entry.Kind switch
        {
            PlaceKind.City => 0.08,
            PlaceKind.Governorate or PlaceKind.Country => 0.05,
            PlaceKind.Town => 0.04,
            PlaceKind.Airbase or PlaceKind.Airport or PlaceKind.District => 0.03,
            PlaceKind.Neighbourhood or PlaceKind.Subdistrict => 0.02,
            _ => 0,
        };
        // Analysts' and the team's entries first; OCHA's community list is the reference for Syrian villages.
        var source = entry.Source switch
        {
            GazetteerSources.Analyst => 0.06,
            GazetteerSources.Curated => 0.05,
            GazetteerSources.Ocha => 0.03,
            _ => 0,
        };
        return population + kind + source;
    }

    // Hama the governorate contains Hama the city: naming one or the other is no ambiguity about where the text is.
    private static bool Contains(GazetteerEntry area, GazetteerEntry place) =>
        area.Kind is PlaceKind.Governorate or PlaceKind.District or PlaceKind.Subdistrict && area.Pcode is { } code
        && (place.Admin1Code == code || place.Admin2Code == code || place.Admin3Code == code);

    private static bool IsPointLike(PlaceKind kind) =>
        kind is not (PlaceKind.Country or PlaceKind.Governorate or PlaceKind.District or PlaceKind.Subdistrict or PlaceKind.Region or PlaceKind.Road);

    private static bool SameKindFamily(PlaceKind a, PlaceKind b) =>
        a == b || (IsSettlement(a) && IsSettlement(b)) || (a is PlaceKind.Airbase or PlaceKind.Airport && b is PlaceKind.Airbase or PlaceKind.Airport);

    private static bool IsSettlement(PlaceKind kind) => kind is PlaceKind.City or PlaceKind.Town or PlaceKind.Village;

    private static NameMatch Better(NameMatch a, NameMatch b) => (NameMatch)Math.Min((int)a, (int)b);

    /// <summary>Great-circle distance in kilometres (spherical, mean Earth radius).</summary>
    public static double DistanceKm(GazetteerEntry a, GazetteerEntry b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return DistanceKm(a.Lon, a.Lat, b.Lon, b.Lat);
    }

    /// <summary>Great-circle distance in kilometres between two lon/lat points.</summary>
    public static double DistanceKm(double lon1, double lat1, double lon2, double lat2)
    {
        const double radius = 6371.0088;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * radius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private sealed record Scored(ScoredCandidate Top, double Score, double Margin, bool Certain);

    /// <summary>A candidate standing for every gazetteer entry of the same place, with the sources that list it.</summary>
    private sealed record Clustered(PlaceCandidate Candidate, System.Collections.Immutable.ImmutableHashSet<string> Sources);

    private abstract record Constraint(GazetteerEntry Anchor)
    {
        public abstract string Describe { get; }

        public abstract double Fit(GazetteerEntry candidate);

        public sealed record Direction(GazetteerEntry Anchor, Bearing Bearing) : Constraint(Anchor)
        {
            public override string Describe => $"{Bearing} of {Anchor.Name}";

            public override double Fit(GazetteerEntry candidate)
            {
                // « dans le nord de la province de Hama », "in northern Idlib province": a direction inside an admin area
                // names a part of it; from the area's centroid it would point at places outside.
                if (AdminRegion(Anchor) is { } region && candidate.Admin1Code is not null)
                {
                    return region == candidate.Admin1Code ? 0.3 : -0.15;
                }

                var distance = DistanceKm(Anchor, candidate);
                if (distance is < 0.5 or > 150)
                {
                    return -0.15;
                }

                var wanted = ((int)Bearing - 1) * 45.0;
                var actual = InitialBearing(Anchor, candidate);
                var difference = Math.Abs(((actual - wanted + 540) % 360) - 180);
                return difference <= 50 ? 0.25 : -0.15;
            }
        }

        public sealed record Near(GazetteerEntry Anchor) : Constraint(Anchor)
        {
            public override string Describe => $"near {Anchor.Name}";

            public override double Fit(GazetteerEntry candidate) => DistanceKm(Anchor, candidate) <= 30 ? 0.3 : -0.1;
        }

        public sealed record Listed(GazetteerEntry Anchor) : Constraint(Anchor)
        {
            public override string Describe => $"listed with {Anchor.Name}";

            public override double Fit(GazetteerEntry candidate) => DistanceKm(Anchor, candidate) <= ListNeighbourKm ? 0.25 : 0;
        }

        // « la province de Hama » or "Hama countryside" elsewhere in the sentence: places of that governorate fit it better,
        // the others are not held against it (the area may be where fighting began, not where this place lies).
        public sealed record SameSentence(GazetteerEntry Anchor) : Constraint(Anchor)
        {
            public override string Describe => $"with {Anchor.Name} in the sentence";

            public override double Fit(GazetteerEntry candidate) =>
                (AdminRegion(Anchor) ?? Anchor.Admin1Code) is { } region && region == candidate.Admin1Code ? 0.2 : 0;
        }

        // The governorate code of an admin area (a governorate, district or subdistrict), null for any other place.
        protected static string? AdminRegion(GazetteerEntry area) => area.Kind switch
        {
            PlaceKind.Governorate => area.Pcode ?? area.Admin1Code,
            PlaceKind.District or PlaceKind.Subdistrict => area.Admin1Code,
            _ => null,
        };

        public sealed record Within(GazetteerEntry Anchor) : Constraint(Anchor)
        {
            public override string Describe => $"in {Anchor.Name}";

            public override double Fit(GazetteerEntry candidate)
            {
                // "in northern Iraq": a country's P-code is its ISO code (SY); admin codes of its places start with it.
                if (Anchor.Kind == PlaceKind.Country && Anchor.Pcode is { Length: 2 } country)
                {
                    return candidate.Admin1Code?.StartsWith(country, StringComparison.Ordinal) == true ? 0.05 : -0.6;
                }

                var region = Anchor.Kind == PlaceKind.Governorate ? Anchor.Pcode ?? Anchor.Admin1Code : Anchor.Admin1Code;
                if (region is not null && candidate.Admin1Code is not null)
                {
                    return region == candidate.Admin1Code ? 0.3 : -0.15;
                }

                return DistanceKm(Anchor, candidate) <= 60 ? 0.2 : -0.1;
            }
        }
    }

    private static double InitialBearing(GazetteerEntry from, GazetteerEntry to)
    {
        var lat1 = from.Lat * Math.PI / 180;
        var lat2 = to.Lat * Math.PI / 180;
        var dLon = (to.Lon - from.Lon) * Math.PI / 180;
        var y = Math.Sin(dLon) * Math.Cos(lat2);
        var x = (Math.Cos(lat1) * Math.Sin(lat2)) - (Math.Sin(lat1) * Math.Cos(lat2) * Math.Cos(dLon));
        return ((Math.Atan2(y, x) * 180 / Math.PI) + 360) % 360;
    }
}
