/// One news article of ordinary length (about 2 KB), for the single-article latency.
enum SampleArticle {
    static let text = """
    LVIV, Ukraine — Air-raid sirens sounded across western Ukraine early on Tuesday as Russian \
    drones struck an energy facility on the outskirts of Lviv, the regional governor said. \
    Power was cut to parts of the city and to several villages near Rivne and Lutsk.

    In Kyiv, officials said air defences had shot down most of the drones launched overnight \
    from the Black Sea coast and from Kursk, across the border in Russia. Debris fell on a \
    residential street in the Obolon district, injuring two people.

    Further south, the port of Odesa resumed grain shipments after a two-day pause, and \
    Mykolaiv reported no damage. Ukrainian officials met their Polish counterparts in Warsaw \
    to discuss rail links through Przemysl, while the European Union pledged more support \
    for the reconstruction of Kharkiv and Zaporizhzhia.

    Paris Hilton, who visited Kyiv last year, called on supporters in Los Angeles and London \
    to donate. In Paris, Texas, a local charity collected blankets for families displaced \
    from the Donbas. President Jordan of the charity's board said the shipment would leave \
    Houston by the end of the month.

    Analysts in Berlin and Washington expect the fighting around Pokrovsk and Bakhmut to \
    continue through the winter. Turkey, which has hosted talks in Istanbul, offered to \
    mediate again, and officials in Ankara said a new round could open in Geneva.
    """
}
