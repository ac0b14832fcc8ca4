@testable import BilanWeb
import Testing

@Suite struct RobotsTxtTests {
    func robots(_ text: String) -> RobotsTxt { RobotsTxt(text, agent: "bilan") }

    @Test func groupNamingTheAgentWinsOverTheStarGroup() {
        let r = robots(
            """
            User-agent: *
            Disallow: /

            User-agent: bilan
            Disallow: /private
            """)
        #expect(r.allows("/fr/971-975"))
        #expect(!r.allows("/private/notes"))
    }

    @Test func agentIsMatchedCaseInsensitively() {
        let r = robots("User-agent: *\nDisallow: /\n\nUSER-AGENT: Bilan\nDISALLOW: /private\n")
        #expect(r.allows("/fr/971-975"))
        #expect(!r.allows("/private"))
    }

    @Test func starGroupAppliesWhenNoGroupNamesTheAgent() {
        let r = robots(
            """
            User-agent: googlebot
            Disallow: /

            User-agent: *
            Disallow: /private
            """)
        #expect(r.allows("/fr/971-975"))
        #expect(!r.allows("/private"))
    }

    @Test func groupsForOtherAgentsAreIgnoredWithoutAStarGroup() {
        let r = robots("User-agent: googlebot\nDisallow: /\n")
        #expect(r.allows("/fr/971-975"))
    }

    @Test func aGroupNamedByAPrefixOfTheAgentIsNotOurs() {
        // RFC 9309 §2.2.1: the group must name the product token ("bilan"), not a part of it.
        let r = robots(
            """
            User-agent: bil
            Disallow: /

            User-agent: *
            Disallow: /private
            """)
        #expect(r.allows("/fr/971-975"))
        #expect(!r.allows("/private"))
        // Nor is a group with an empty User-agent.
        #expect(robots("User-agent:\nDisallow: /\n\nUser-agent: *\nDisallow: /private\n").allows("/fr/971-975"))
    }

    @Test func consecutiveUserAgentLinesShareAGroup() {
        let r = robots(
            """
            User-agent: googlebot
            User-agent: bilan
            Disallow: /drafts

            User-agent: *
            Disallow: /
            """)
        #expect(!r.allows("/drafts/1"))
        #expect(r.allows("/fr/971-975"))
    }

    @Test func aUserAgentLineAfterRulesStartsANewGroup() {
        let r = robots(
            """
            User-agent: bilan
            Disallow: /a
            User-agent: googlebot
            Disallow: /b
            """)
        #expect(!r.allows("/a"))
        #expect(r.allows("/b"))
    }

    @Test func groupsNamingTheAgentAreCombined() {
        let r = robots(
            """
            User-agent: bilan
            Disallow: /a

            User-agent: *
            Disallow: /c

            User-agent: bilan
            Disallow: /b
            """)
        #expect(!r.allows("/a"))
        #expect(!r.allows("/b"))
        #expect(r.allows("/c"))
    }

    @Test func rulesBeforeAnyUserAgentAreIgnored() {
        let r = robots("Disallow: /\nUser-agent: *\nDisallow: /private\n")
        #expect(r.allows("/fr/971-975"))
        #expect(!r.allows("/private"))
    }

    @Test func longestMatchingRuleWins() {
        let r = robots("User-agent: *\nDisallow: /fr\nAllow: /fr/971\n")
        #expect(r.allows("/fr/971-975"))
        #expect(!r.allows("/fr/964-968"))
        let reversed = robots("User-agent: *\nAllow: /fr/9\nDisallow: /fr/97\nAllow: /fr\n")
        #expect(!reversed.allows("/fr/971-975"))
        #expect(reversed.allows("/fr/964-968"))
        #expect(reversed.allows("/fr/1027-1031"))
    }

    @Test func allowWinsATieInEitherOrder() {
        #expect(robots("User-agent: *\nDisallow: /fr/\nAllow: /fr/\n").allows("/fr/971-975"))
        #expect(robots("User-agent: *\nAllow: /fr/\nDisallow: /fr/\n").allows("/fr/971-975"))
        // Equal lengths with wildcards too.
        #expect(robots("User-agent: *\nDisallow: /*/971\nAllow: /fr*971\n").allows("/fr/971-975"))
    }

    @Test func starMatchesAnyRunOfCharacters() {
        let r = robots("User-agent: *\nDisallow: /*/print\nDisallow: /*?\n")
        #expect(!r.allows("/fr/971-975/print"))
        #expect(!r.allows("/en/971-975/print/page"))
        #expect(r.allows("/print"))
        #expect(r.allows("/fr/971-975"))
        #expect(!r.allows("/fr/971-975?amp=1"))
    }

    @Test func dollarAnchorsTheEnd() {
        let r = robots("User-agent: *\nDisallow: /*.pdf$\nDisallow: /$\n")
        #expect(!r.allows("/files/week.pdf"))
        #expect(r.allows("/files/week.pdf?download=1"))
        #expect(r.allows("/files/week.pdfs"))
        #expect(r.allows("/files/week.html"))
        #expect(!r.allows("/"))
        #expect(r.allows("/fr/971-975"))
    }

    @Test func allowOnlyTheHomePage() {
        let r = robots("User-agent: *\nAllow: /$\nDisallow: /\n")
        #expect(r.allows("/"))
        #expect(!r.allows("/fr/971-975"))
    }

    @Test func pathsMatchCaseSensitivelyAsPrefixes() {
        let r = robots("User-agent: *\nDisallow: /Private\n")
        #expect(r.allows("/private"))
        #expect(!r.allows("/Private"))
        #expect(!r.allows("/Private2/x"))
        #expect(r.allows("/x/Private"))
    }

    @Test func crawlDelayOfTheChosenGroup() {
        #expect(robots("User-agent: bilan\nCrawl-delay: 5\n").crawlDelay == 5)
        #expect(robots("User-agent: *\ncrawl-delay: 2.5\n").crawlDelay == 2.5)
        // The named group has none: the star group's does not apply.
        #expect(robots("User-agent: *\nCrawl-delay: 10\n\nUser-agent: bilan\nDisallow: /x\n").crawlDelay == nil)
        #expect(robots("User-agent: googlebot\nCrawl-delay: 10\n").crawlDelay == nil)
    }

    @Test(arguments: ["abc", "-1", "", "inf", "nan"])
    func unusableCrawlDelayIsIgnored(value: String) {
        let r = robots("User-agent: *\nCrawl-delay: \(value)\nDisallow: /private\n")
        #expect(r.crawlDelay == nil)
        #expect(!r.allows("/private"))
    }

    @Test func commentsAreIgnored() {
        let r = robots(
            """
            # Disallow: /fr
            User-agent: bilan # our reader
            Disallow: /private # not for robots
            """)
        #expect(r.allows("/fr/971-975"))
        #expect(!r.allows("/private/x"))
    }

    @Test func emptyDisallowAllowsEverything() {
        #expect(robots("User-agent: *\nDisallow:\n").allows("/fr/971-975"))
        let r = robots("User-agent: *\nDisallow: /\n\nUser-agent: bilan\nDisallow:\n")
        #expect(r.allows("/fr/971-975"))
        #expect(r.allows("/"))
    }

    @Test func crlfLineEndingsReadLikeLF() {
        let lf = "User-agent: *\nDisallow: /\n\nUser-agent: bilan\nDisallow: /private\nAllow: /private/ok$\nCrawl-delay: 3\n"
        let crlf = robots(lf.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(crlf.allows("/fr/971-975"))
        #expect(!crlf.allows("/private/x"))
        #expect(crlf.allows("/private/ok"))
        #expect(crlf.crawlDelay == 3)
        let cr = robots(lf.replacingOccurrences(of: "\n", with: "\r"))
        #expect(!cr.allows("/private/x"))
        #expect(cr.allows("/private/ok"))
    }

    @Test func byteOrderMarkDoesNotHideTheFirstLine() {
        let r = robots("\u{FEFF}User-agent: *\nDisallow: /\n")
        #expect(!r.allows("/fr/971-975"))
    }

    @Test func emptyFileAndConstants() {
        #expect(robots("").allows("/fr/971-975"))
        #expect(robots("").crawlDelay == nil)
        #expect(RobotsTxt.allowAll.allows("/fr/971-975"))
        #expect(!RobotsTxt.disallowAll.allows("/fr/971-975"))
        #expect(!RobotsTxt.disallowAll.allows(""))  // an empty path is "/"
    }
}
