/// One of a 1:1's two people as the room knows them: the talk's id for them
/// (`p1`, `p2`) and the name their page greets them with. Nothing else of the talk.
package struct RoomPerson: Codable, Hashable, Sendable {
    package var id: String
    package var name: String

    package init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
