using Territory.Domain.Places;
using Territory.Ingestion.Geocoding;

namespace Territory.Ingestion.Tests.Events;

/// <summary>
/// Ten classes of failure (fighting that pits two sides in places, self-claims of a ministry or command, a relative clause
/// capturing its antecedent, a named place listed with an aggregate, lists continued by "along with", the incomer of a
/// passive relative after a withdrawal, a fall after the army left, flight towards a place, a leader leaving the capital and
/// its « libération », advances as far as the outskirts) and a day next to a launch, in sentences of our own on the small test gazetteer with a few
/// places added: each line is the control changes expected as « tier place side from..to », joined by « | ».
/// </summary>
public class EventFailureClassTests10
{
    private static readonly GazetteerEntry Anadan = TestGazetteer.Place(PlaceKind.Town, "Anadan", 37.0475, 36.2937, "SY02", 12_000, GazetteerSources.Ocha, "Anadan", "Andan", "عندان");

    private static readonly GazetteerEntry Hayyan = TestGazetteer.Place(PlaceKind.Village, "Hayyan", 37.1050, 36.3140, "SY02", 6_000, GazetteerSources.Ocha, "Hayan", "حيان");

    private static readonly GazetteerEntry DeirHafer = TestGazetteer.Place(PlaceKind.Town, "Deir Hafer", 37.7050, 36.1560, "SY02", 18_000, GazetteerSources.Ocha, "Deir Hafir", "Deyr Hafir", "دير حافر");

    private static readonly GazetteerEntry Kuweires = TestGazetteer.Place(PlaceKind.Airbase, "Kuweires Military Airbase", 37.5830, 36.1870, "SY02", null, GazetteerSources.Curated, "Kuweires", "Kweires", "Kuveyris", "كويرس");

    private static readonly GazetteerEntry KhanShaykhun = TestGazetteer.Place(PlaceKind.Town, "Khan Shaykhun", 36.6500, 35.4400, "SY07", 35_000, GazetteerSources.Ocha, "Khan Cheikhoun", "Khan Sheikhoun", "Han Şeyhun", "خان شيخون");

    private static readonly GazetteerEntry Damascus = TestGazetteer.Place(PlaceKind.City, "Damascus", 36.2765, 33.5138, "SY01", 1_700_000, GazetteerSources.Ocha, "Damas", "Şam", "دمشق");

    private static readonly GazetteerEntry Homs = TestGazetteer.Place(PlaceKind.City, "Homs", 36.7233, 34.7324, "SY04", 775_000, GazetteerSources.Ocha, "Humus", "حمص");

    private static readonly ReportAnalyzer Analyzer = new(GazetteerIndex.Build([.. TestGazetteer.All, Anadan, Hayyan, DeirHafer, Kuweires, KhanShaykhun, Damascus, Homs]));

    [Theory]
    // 1. fighting that pits two sides in places: the attacker gains (not the government's side; the SNA before the SDF)
    [InlineData("fr", "2024-12-06", "De violents combats opposaient jeudi l'armée aux rebelles dans les localités d'Anadan et de Hayyan.", "contested Anadan opposition 2024-12-05..2024-12-05|contested Hayyan opposition 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-12-06", "Des combats opposent les FDS aux combattants de l'ANS à l'intérieur de Deir Hafer.", "contested Deir Hafer opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Fierce fighting pitted government troops against rebels in Khan Shaykhun on Wednesday.", "contested Khan Shaykhun opposition 2024-12-04..2024-12-04")]
    [InlineData("en", "2024-12-06", "Heavy clashes pitted the SDF against the Syrian National Army in Deir Hafer.", "contested Deir Hafer opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Deyr Hafir'de SDG ile Suriye Milli Ordusu arasında şiddetli çatışmalar sürüyor.", "contested Deir Hafer opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "تدور اشتباكات عنيفة بين قسد والجيش الوطني السوري داخل بلدة دير حافر.", "contested Deir Hafer opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "تدور اشتباكات عنيفة بين قوات النظام والفصائل داخل بلدة عندان.", "contested Anadan opposition 2024-11-27..2024-12-06")]

    // 2. a ministry or a command claiming its own army's gains
    [InlineData("fr", "2024-12-06", "Le ministère syrien de la Défense a affirmé avoir repris le contrôle d'Anadan et de Hayyan.", "claimed Anadan government 2024-11-27..2024-12-06|claimed Hayyan government 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "The Syrian defence ministry said it had regained control of Khan Shaykhun on Thursday.", "claimed Khan Shaykhun government 2024-12-05..2024-12-05")]
    [InlineData("ar", "2024-12-06", "أعلنت وزارة الدفاع السورية استعادة السيطرة على بلدة خان شيخون.", "claimed Khan Shaykhun government 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "قالت القيادة العامة للجيش إن وحداتها استعادت السيطرة على بلدة عندان.", "claimed Anadan government 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Suriye Savunma Bakanlığı, ordunun Han Şeyhun'u yeniden kontrol altına aldığını duyurdu.", "claimed Khan Shaykhun government 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "L'état-major a assuré avoir reconquis Deir Hafer mercredi.", "claimed Deir Hafer government 2024-12-04..2024-12-04")]

    // 3. a relative clause naming the capture of its antecedent
    [InlineData("en", "2024-12-06", "HTS posted footage of its fighters outside the Kuweires airbase, which the group said it had captured overnight.", "claimed Kuweires Military Airbase hts 2024-12-05..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Des images montrent des combattants devant la base aérienne de Kuweires, que les rebelles disent avoir prise jeudi.", "claimed Kuweires Military Airbase opposition 2024-12-05..2024-12-05")]
    [InlineData("en", "2024-12-06", "Residents were leaving Anadan, which the insurgents say they seized on Wednesday.", "claimed Anadan opposition 2024-12-04..2024-12-04")]

    // 4. a named place listed with an aggregate
    [InlineData("en", "2024-12-06", "The rebels also took the town of Anadan and dozens of villages in the countryside.", "claimed Anadan opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les insurgés ont pris Anadan et une vingtaine de villages.", "claimed Anadan opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Muhalifler Anadan'ı ve çok sayıda köyü ele geçirdi.", "claimed Anadan opposition 2024-11-27..2024-12-06")]

    // 5. a list continued after the loser by "along with", « ainsi que »
    [InlineData("en", "2024-12-06", "Turkish-backed factions had captured Deir Hafer from Kurdish-led forces, along with the nearby Kuweires airbase.", "claimed Deir Hafer opposition 2024-11-27..2024-12-06|claimed Kuweires Military Airbase opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "Les rebelles ont repris Anadan aux forces gouvernementales, ainsi que le village voisin de Hayyan.", "claimed Anadan opposition 2024-11-27..2024-12-06|claimed Hayyan opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "L'ANS a pris Deir Hafer aux FDS, de même que l'aéroport militaire de Kuweires.", "claimed Deir Hafer opposition 2024-11-27..2024-12-06|claimed Kuweires Military Airbase opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Rebels seized Anadan from the army on Tuesday as well as Hayyan.", "claimed Anadan opposition 2024-12-03..2024-12-03|claimed Hayyan opposition 2024-12-03..2024-12-03")]

    // 6. the incomer of a passive relative after a withdrawal; « فجر الحرية » is the SNA's operation
    [InlineData("en", "2024-12-06", "Pro-Iranian militias abandoned the towns of Anadan and Hayyan, which were then taken over by opposition factions.", "withdrawn Anadan opposition 2024-11-27..2024-12-06|withdrawn Hayyan opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "انسحبت قوات النظام من مطار كويرس، ودخلته فصائل «فجر الحرية» المدعومة من تركيا.", "withdrawn Kuweires Military Airbase opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "L'armée a abandonné Anadan, qui a ensuite été investie par les rebelles.", "withdrawn Anadan opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Özgürlük Şafağı operasyonu kapsamında rejim güçleri Kuveyris'ten çekildi ve bölgeye SDG girdi.", "withdrawn Kuweires Military Airbase sdf 2024-11-27..2024-12-06")]

    // 7. a fall after the army left: the army lost, who took the place is not said
    [InlineData("en", "2024-12-06", "Khan Shaykhun fell on Thursday after the army abandoned its positions.", "claimed Khan Shaykhun unknown 2024-12-05..2024-12-05")]
    [InlineData("fr", "2024-12-06", "Khan Cheikhoun est tombée après que l'armée a abandonné ses positions.", "claimed Khan Shaykhun unknown 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Han Şeyhun düştü, ordu mevzilerini terk etti.", "claimed Khan Shaykhun unknown 2024-11-27..2024-12-06")]

    // 8. flight towards a place is no withdrawal from it
    [InlineData("fr", "2024-12-06", "Les soldats fuyaient vers Homs.", "")]
    [InlineData("en", "2024-12-06", "Rebels reached the outskirts of Hama. Troops were seen fleeing towards the city.", "reached Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "وصلت الفصائل إلى مشارف مدينة حماة وسط فرار جماعي لعناصر النظام نحو المدينة.", "reached Hama opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Rejim askerleri Humus'a doğru kaçtı.", "")]

    // 9. a leader leaving the capital is no withdrawal; its proclaimed « libération » is a capture
    [InlineData("fr", "2024-12-08", "Bachar al-Assad a quitté Damas, ont annoncé les factions, qui ont proclamé la « libération » de la capitale.", "claimed Damascus opposition 2024-11-27..2024-12-08")]
    [InlineData("en", "2024-12-08", "Rebels proclaimed the \"liberation\" of Damascus after President Bashar al-Assad left the capital.", "claimed Damascus opposition 2024-11-27..2024-12-08")]
    [InlineData("en", "2024-12-08", "President Bashar al-Assad has left Damascus for an unknown destination.", "")]
    [InlineData("ar", "2024-12-08", "أعلنت الفصائل «تحرير» مدينة دمشق بعد مغادرة بشار الأسد.", "claimed Damascus opposition 2024-11-27..2024-12-08")]

    // 10. advances as far as the outskirts
    [InlineData("fr", "2024-12-06", "Les rebelles, qui ont avancé en quelques jours jusqu'aux abords de Hama, affirment contrôler Anadan.", "reached Hama opposition 2024-11-27..2024-12-06|claimed Anadan opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Insurgents advanced as far as the outskirts of Homs on Thursday.", "reached Homs opposition 2024-12-05..2024-12-05")]
    [InlineData("tr", "2024-12-06", "Muhalifler Humus'un eteklerine kadar ilerledi.", "reached Homs opposition 2024-11-27..2024-12-06")]
    [InlineData("ar", "2024-12-06", "تقدمت الفصائل حتى مشارف مدينة حمص.", "reached Homs opposition 2024-11-27..2024-12-06")]

    // 11. a day next to a word of launching dates the launch, not the event (the README's distractor)
    [InlineData("en", "2024-12-06", "The rebels, whose offensive was launched on Saturday, seized Anadan.", "claimed Anadan opposition 2024-11-27..2024-12-06")]
    [InlineData("fr", "2024-12-06", "L'offensive lancée samedi par les rebelles a conquis Anadan.", "claimed Anadan opposition 2024-11-27..2024-12-06")]
    [InlineData("tr", "2024-12-06", "Suriye Milli Ordusu cumartesi günü başlattığı harekâtla Han Şeyhun'u ele geçirdi.", "claimed Khan Shaykhun opposition 2024-11-27..2024-12-06")]
    [InlineData("en", "2024-12-06", "Rebels seized Anadan on Saturday, days after launching their offensive.", "claimed Anadan opposition 2024-11-30..2024-11-30")]
    public void A_failure_class_gives_the_control_changes_an_analyst_records(string language, string published, string text, string expected)
    {
        Assert.Equal(expected, ControlChangeLines.Of(Analyzer, language, published, text));
    }
}
