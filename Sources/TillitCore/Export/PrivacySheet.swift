/// The two texts a municipality needs before tillit is used (`tillit privacy`):
/// one for the data-protection officer's assessment (DPIA/ROS), one for the
/// employee before the first talk. Markdown; the facts that vary (where the
/// data folder is, the retention in force) are filled in, the rest is in the
/// string tables.
package struct PrivacySheet: Sendable {
    package var dataFolder: String
    package var retention: RetentionPolicy

    package init(dataFolder: String, retention: RetentionPolicy) {
        self.dataFolder = dataFolder
        self.retention = retention
    }

    package func forDataProtectionOfficer(_ t: Localizer) -> String {
        let sections: [(UIString, String)] = [
            (.privacyStoredHeading, t(.privacyStored)),
            (.privacyWhereHeading, t(.privacyWhere, SafeText.line(dataFolder))),
            (.privacyNetworkHeading, t(.privacyNetwork)),
            (.privacyRoomHeading, t(.privacyRoom)),
            (.privacyRetentionHeading, retentionSentence(t)),
            (.privacyRightsHeading, t(.privacyRights)),
        ]
        return render(title: t(.privacyTitle), sections, t)
    }

    package func forEmployee(_ t: Localizer) -> String {
        let sections: [(UIString, String)] = [
            (.privacyEmployeeWrittenHeading, t(.privacyEmployeeWritten)),
            (.privacyEmployeeReadersHeading, t(.privacyEmployeeReaders)),
            (.privacyRetentionHeading, retentionSentence(t)),
            (.privacyEmployeeAskHeading, t(.privacyEmployeeAsk)),
        ]
        return render(title: t(.privacyEmployeeTitle), sections, t)
    }

    private func retentionSentence(_ t: Localizer) -> String {
        retention.limitsAge ? t(.privacyRetentionLimited, retention.months) : t(.privacyRetentionNone)
    }

    private func render(title: String, _ sections: [(UIString, String)], _ t: Localizer) -> String {
        var lines = ["# " + title, ""]
        for (heading, body) in sections {
            lines += ["## " + t(heading), "", body, ""]
        }
        return lines.joined(separator: "\n")
    }
}
