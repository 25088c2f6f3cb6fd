import Testing
@testable import TillitCore

/// A name that is only a role ("Leder", "Employee") stands alone in headers and lists.
struct RoleNameTests {
    /// `nameIsRole` skips a name with a space without reading the other tables; that holds while every role is one word.
    @Test func everyRoleIsOneWordInEveryLanguage() {
        for language in Language.allCases {
            for role in Role.allCases {
                let word = Localizer(language)(role.label)
                #expect(!word.contains(" ") && !word.isEmpty, "\(language) \(role): “\(word)”")
            }
        }
    }

    @Test(arguments: [("Leder", Role.leader, true), ("leader", .leader, true), (" Medarbejder ", .employee, true),
                      ("Employee", .employee, true), ("Kari", .leader, false), ("Kari Leder", .leader, false),
                      ("Leder", .employee, false), ("Møteleder", .facilitator, true)])
    func aNameIsARoleWhenItIsTheRolesWordInAnyLanguage(_ name: String, _ role: Role, _ expected: Bool) {
        #expect(Participant(id: "p1", name: name, role: role).nameIsRole(Localizer(.nb)) == expected)
    }
}
