/// What every page tillit writes to print shares (`tillit print`, the HTML
/// minutes): A4 without browser margins, the same fonts and black text, and a
/// grey desk with white sheets when the page is looked at on a screen.
/// Nothing in it loads anything: the fonts are the ones on the machine.
enum PrintStyle {
    static let base = """
        @page { size: A4; margin: 0; }
        * { box-sizing: border-box; }
        html, body { margin: 0; padding: 0; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; color: #000; }
        @media screen {
          body { background: #ddd; }
          .page { margin: 8mm auto; background: #fff; box-shadow: 0 0 2mm rgba(0, 0, 0, 0.3); }
        }
        """

    /// Nothing runs and nothing loads: inline style only, no script to allow.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"
}
