import Testing
@testable import GeoMention

@Suite struct HTMLTextExtractorTests {
    @Test func dropsTagsScriptsStylesAndComments() {
        let html = """
        <!DOCTYPE html><html><head><title> Floods in
          Bavaria </title><style>p { color: red }</style>
        <script type="text/javascript">if (a < b) { document.write("<p>Munich</p>") }</script></head>
        <body><!-- a comment <p>Nuremberg</p> --><p>Rivers rose in <b>Passau</b>.</p></body></html>
        """
        let (text, title) = HTMLTextExtractor.extract(html)
        #expect(title == "Floods in Bavaria")
        #expect(text == "Rivers rose in Passau.")
    }

    @Test func decodesNamedDecimalAndHexReferences() {
        let (text, _) = HTMLTextExtractor.extract(
            "<p>Caf&eacute; &amp; bar &#8212; S&atilde;o Paulo&nbsp;&#x1F30A; &ldquo;Q&rdquo; &bogus; AT&T</p>")
        #expect(text == "Café & bar — São Paulo\u{A0}🌊 “Q” &bogus; AT&T")
        #expect(HTMLEntities.namedCount >= 60)
        #expect(HTMLEntities.scalar(forReference: Array("#0".utf8)) == "\u{FFFD}")
    }

    @Test func blockElementsBreakLinesAndParagraphs() {
        let (text, _) = HTMLTextExtractor.extract(
            "<h1>Quake hits Izmir</h1><p>Buildings fell<br>in Bayrakli</p><ul><li>Izmir</li><li>Samos</li></ul><table><tr><td>a</td><td>b</td></tr></table>")
        #expect(text == "Quake hits Izmir\n\nBuildings fell\nin Bayrakli\n\nIzmir\nSamos\na b")
        let sentences = Tokenizer().tokenize(text).sentences.count
        #expect(sentences == 4)  // "Samos\na b" continues: "a" is lowercase
    }

    @Test func brokenMarkupIsKeptAsText() {
        let (text, _) = HTMLTextExtractor.extract("<p>If a < b then <i>Rome</i> <b class=\"x>Milan</b> 3 <unclosed")
        #expect(text == "If a < b then Rome Milan 3 <unclosed")
    }

    @Test func preformattedTextKeepsItsWhiteSpace() {
        let (text, _) = HTMLTextExtractor.extract("<pre>Oslo\n  Bergen</pre>")
        #expect(text == "Oslo\n  Bergen")
    }
}
