import Foundation
import Testing
@testable import TillitCore
@testable import TillitStore

/// The data folder and `sessions/` must be the user's own and closed to
/// others' writes; tillit refuses otherwise and never changes their modes.
@Suite("Store: a data folder others could write to")
struct DataFolderCheckTests {
    func home(_ temp: TempFolder) throws -> TillitHome {
        let home = TillitHome(path: temp.path("data"))
        try FileManager.default.createDirectory(atPath: home.sessionsFolder, withIntermediateDirectories: true)
        #expect(chmod(home.path, 0o700) == 0 && chmod(home.sessionsFolder, 0o700) == 0)
        return home
    }

    func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    @Test func aPrivateFolderAndOneNotMadeYetPass() throws {
        let temp = try TempFolder()
        let home = try home(temp)
        try home.checkPrivate()
        try TillitHome(path: temp.path("not-yet")).checkPrivate()
        // Group and others may read and enter (umask 022): only writing matters.
        #expect(chmod(home.path, 0o755) == 0)
        try home.checkPrivate()
    }

    @Test(arguments: [(0o777, false), (0o770, false), (0o702, false), (0o777, true), (0o730, true)] as [(mode_t, Bool)])
    func aFolderOthersMayWriteToIsRefusedAndLeftAsItIs(mode: mode_t, inSessions: Bool) throws {
        let temp = try TempFolder()
        let home = try home(temp)
        let folder = inSessions ? home.sessionsFolder : home.path
        #expect(chmod(folder, mode) == 0)
        #expect(throws: StoreError.folderOpenToOthers(path: folder, mode: mode)) { try home.checkPrivate() }
        #expect(self.mode(folder) == mode, "tillit does not change it behind the user's back")
        #expect(StoreError.folderOpenToOthers(path: folder, mode: mode).description.hasSuffix("make it private with: chmod 700 \(folder)"))
    }

    @Test func aHomeThatIsAFileIsRefused() throws {
        let temp = try TempFolder()
        let file = try temp.write("notes.txt", "mine")
        #expect(throws: StoreError.homeNotAFolder(path: file)) { try TillitHome(path: file).checkPrivate() }
    }

    @Test(.enabled(if: geteuid() == 0, "only root can give a folder to another user"))
    func aFolderOfAnotherUserIsRefused() throws {
        let temp = try TempFolder()
        let home = try home(temp)
        #expect(chown(home.sessionsFolder, 65534, 65534) == 0)
        #expect(throws: StoreError.folderNotOwned(path: home.sessionsFolder)) { try home.checkPrivate() }
    }
}
