/// The steps run on the machine that serves the site, as POSIX shell scripts: the server needs
/// nothing but `sh` and rsync. Each takes the target folder as `$1`. Their exit statuses from 70
/// up say which step failed (`ServerStatus`); a step either finishes or leaves `current` as it was.
///
/// Layout of the target folder:
///
///     current -> releases/20261206T093012Z     the link the web server serves
///     releases/20261206T093012Z/               a whole site
///     releases/20261206T093012Z.record         its `ReleaseRecord`, outside what is served
///     releases/.partial-NAME/                  an upload not yet finished
enum ServerScripts {
    /// Prints `current NAME`, then `release NAME` and the record's lines indented for each release
    /// that is whole (its folder and its record both there). Run in the target folder.
    private static let listing = #"""
        listing() {
          link=$(readlink current 2>/dev/null) || link=
          printf 'current %s\n' "${link##*/}"
          for record in releases/*.record; do
            [ -f "$record" ] || continue
            name=${record#releases/}
            name=${name%.record}
            [ -d "releases/$name" ] || continue
            printf 'release %s\n' "$name"
            while IFS= read -r line; do printf '  %s\n' "$line"; done < "$record"
          done
        }
        """#

    /// Makes a link to the release beside `current` and renames it over `current`: rename is
    /// atomic, so the web server finds the old release or the new one, never neither. GNU mv
    /// renames over a link with -T, BSD mv with -h; `ln -sfn` would unlink first.
    private static let switching = #"""
        switch_to() {
          ln -s "releases/$1" ".current-$1" || exit 71
          mv -T ".current-$1" current 2>/dev/null \
            || mv -h ".current-$1" current 2>/dev/null \
            || { rm -f ".current-$1"; exit 75; }
        }
        """#

    /// Checks the server can take a release, removes what an interrupted publication left (an
    /// upload, a record or a link never finished), and lists the releases.
    static let prepare = #"""
        set -u
        command -v rsync >/dev/null 2>&1 || exit 70
        mkdir -p "$1/releases" 2>/dev/null || exit 71
        cd "$1" || exit 71
        if [ -e current ] && [ ! -L current ]; then exit 72; fi
        [ -w . ] && [ -w releases ] || exit 71
        for left in releases/.partial-* releases/.record-*; do
          [ -e "$left" ] || continue
          chmod -R u+w "$left" 2>/dev/null
          rm -rf "$left"
        done
        for record in releases/*.record; do
          [ -f "$record" ] && [ ! -d "${record%.record}" ] && rm -f "$record"
        done
        for link in .current-*; do
          [ -L "$link" ] && rm -f "$link"
        done
        """# + "\n" + listing + "\nlisting\n"

    /// After the upload into `releases/.partial-NAME`: the record, the rename to `NAME`, the
    /// switch, then the removal of the releases named after the record (`$4`…), which only
    /// happens once the new release is served.
    static let finish = #"""
        set -u
        name=$2
        record=$3
        """# + "\n" + switching + "\n" + #"""
        cd "$1" || exit 71
        shift 3
        [ -d "releases/.partial-$name" ] || exit 74
        { printf '%s\n' "$record" > "releases/.record-$name" && [ -s "releases/.record-$name" ]; } 2>/dev/null \
          || { rm -f "releases/.record-$name"; exit 73; }
        mv "releases/.record-$name" "releases/$name.record" || exit 71
        mv "releases/.partial-$name" "releases/$name" || exit 71
        switch_to "$name"
        echo "switched $name"
        for old in "$@"; do
          chmod -R u+w "releases/$old" 2>/dev/null
          rm -rf "releases/$old" "releases/$old.record" 2>/dev/null
        done
        """#

    /// Switches to a release already there (`$2`).
    static let rollback = #"""
        set -u
        name=$2
        """# + "\n" + switching + "\n" + #"""
        cd "$1" 2>/dev/null || exit 74
        [ -d "releases/$name" ] && [ -f "releases/$name.record" ] || exit 74
        switch_to "$name"
        echo "switched $name"
        """#

    /// Lists the releases, changing nothing.
    static let list = #"""
        set -u
        """# + "\n" + listing + "\n" + #"""
        cd "$1" 2>/dev/null && [ -d releases ] || { echo "current "; exit 0; }
        listing
        """#

    /// Removes the upload a failed transfer left (`$2`), so that a full disk is freed at once.
    static let abandon = #"""
        set -u
        chmod -R u+w "$1/releases/.partial-$2" 2>/dev/null
        rm -rf "$1/releases/.partial-$2" "$1/releases/.record-$2"
        """#
}
