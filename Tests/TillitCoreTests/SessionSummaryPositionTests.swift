import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

/// The home screen's "card 4 of 14" comes from the listing: both of its ways of reading a file give the card the talk is on.
struct SessionSummaryPositionTests {
    @Test func theListingReadsTheCardTheTalkIsOn() throws {
        var talk = try SessionFixture.oneOnOne(id: "talk-1", now: SessionFixture.t0)
        try talk.apply(.jump(to: 2), now: SessionFixture.t0)
        let data = try SessionStore.encoder().encode(talk)
        let scanned = data.withUnsafeBytes { raw in SummaryScanner.record(raw.bindMemory(to: UInt8.self))?.summary(path: "p") }
        let decoded = try SessionStore.decoder().decode(SummaryRecord.self, from: data).summary(path: "p")
        #expect(scanned?.currentIndex == 2)
        #expect(decoded.currentIndex == 2)
        #expect(talk.handledCount == 0)
    }
}
