extension Role {
    /// The UI string that names the role on screens and in exports.
    package var label: UIString {
        switch self {
        case .leader: return .roleLeader
        case .employee: return .roleEmployee
        case .member: return .roleMember
        case .facilitator: return .roleFacilitator
        }
    }

    /// A role as a person writes it on the command line: its id (`leader`) or
    /// its name in any of tillit's languages (`leder`, `Medarbejder`).
    package init?(written text: String) {
        let wanted = text.trimmingSpacesAndTabs().lowercased()
        if let role = Role(rawValue: wanted) {
            self = role
            return
        }
        let named = Role.allCases.first { role in
            Language.allCases.contains { Localizer($0)(role.label).lowercased() == wanted }
        }
        guard let named else { return nil }
        self = named
    }
}

extension Participant {
    /// True when the name is only the role ("Leder", "Employee"), as when a
    /// setup field was left empty: then "Leder (leder)" would say it twice.
    package func nameIsRole(_ t: Localizer) -> Bool {
        let name = name.trimmingSpacesAndTabs()
        // A role is one word in every language; a name with a space (most names) is not one,
        // and is not looked up in the other languages' tables (reading one costs some 0.8 M instructions).
        guard !name.contains(" ") else { return false }
        return name.lowercased() == t.role(role) || Role(written: name) == role
    }
}

extension Localizer {
    /// The role's name in running text: `leder`, `employee`.
    package func role(_ role: Role) -> String { self(role.label).lowercased() }
}
