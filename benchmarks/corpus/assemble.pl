#!/usr/bin/perl
# @file benchmarks/corpus/assemble.pl
# @brief Rendered man pages → documents in the seed's plain-text format → tiers of 1/10/100 MB
#        and full (everything, when there is more than 100 MB).
#
# Usage: perl assemble.pl BATCHES.tsv OUT_DIR
#   BATCHES.tsv: rendered batch file (render/<lang>/<package>/batch-NNNN.txt, relative to
#   OUT_DIR)<TAB>..., in order.
# Writes OUT_DIR/docs/<lang>-<NNNN>.txt, hard links to them in OUT_DIR/<tier>/, and
# OUT_DIR/tiers.tsv (tier, documents, bytes, languages, bytes per language).
#
# A document is a title line, then one "Day 1. Session N - <page>(<section>)" heading per man page,
# each followed by the page's paragraphs separated by blank lines. Section headings of the page
# (NAME, DESCRIPTION...) and the running header and footer lines are left out: they are not prose.
use strict;
use warnings;

my ($batches_tsv, $out) = @ARGV;
die "usage: assemble.pl BATCHES.tsv OUT_DIR\n" unless defined $out;

# About 32 KB per document: small enough that the 1 MB tier holds every language several times.
my $DOC_BYTES = 32 * 1024;
my @TIERS = (["1MB", 1_000_000], ["10MB", 10_000_000], ["100MB", 100_000_000]);

# A running header: "STAT(1)   User Commands   STAT(1)", the same name(section) at both ends.
# Long names leave no space between the parts, and groff cuts the left one short:
# "App::Prove::State(3perl)Perl Programmers Reference GuideApp::Prove::State(3perl)",
# "SYSTEMD-VOLATILE-ROOT.SERVsystemd-volatile-root.SYSTEMD-VOLATILE-ROOT.SERVICE(8)". So a header
# is a line at column 0 ending in name(section) that begins with that name(section), or with its
# first 12 characters or more. Returns "name(section)", or undef for any other line (a section
# heading "DESCRIPTION(描述)", a footer "perl v5.36.0  2023-11-25  PERLFUNC(1)").
my $HEADER_PREFIX = 12;
sub page_header {
    my ($line) = @_;
    return undef unless $line =~ /^\S.*\)$/;
    for (my $at = length($line) - 1; $at > 0; $at--) {
        my $tail = substr($line, $at);
        last if $tail =~ /\s/;
        next unless $tail =~ /^\S+\([^\s()]+\)$/;     # the name may hold "()": renameat()(2)
        my $want = length($tail) < $HEADER_PREFIX ? length($tail) : $HEADER_PREFIX;
        return $tail if $at >= $want && substr($line, 0, $want) eq substr($tail, 0, $want);
    }
    return undef;
}

# Splits one rendered batch into pages: [name(section), paragraphs...] each. groff's mdoc
# package prints no running header in continuous (terminal) output, so an mdoc batch, which is
# one page, starts as the page $first (its name from its file); a header would start another.
sub batch_pages {
    my ($file, $first) = @_;
    open(my $fh, '<:raw', $file) or die "assemble.pl: $file: $!\n";
    my @lines = <$fh>;
    close $fh;
    s/\r?\n\z// for @lines;
    my (@pages, @block);
    push @pages, [$first] if defined $first;
    my $flush = sub {
        return unless @block && @pages;
        my $p = join(' ', @block);
        $p =~ s/[ \t]+/ /g;
        $p =~ s/^ | $//g;
        push @{ $pages[-1] }, $p if $p =~ /[[:alpha:]]|[\x80-\xff]/;
        @block = ();
    };
    for my $i (0 .. $#lines) {
        my $line = $lines[$i];
        if (defined(my $header = page_header($line))) {   # a new page begins
            $flush->();
            my ($name, $section) = $header =~ /^(.*)\((.*)\)$/;
            $name =~ s/\(.*//;
            push @pages, [lc($name) . "($section)"];
            next;
        }
        # Blank lines and section headings (NAME, DESCRIPTION: column 0) end a paragraph; so does
        # the running footer, the last line before the next header or the end, also at column 0.
        if ($line =~ /^\s*$/ || $line =~ /^\S/) {
            $flush->();
            next;
        }
        $line =~ s/^\s+//;
        push @block, $line;
    }
    $flush->();
    return grep { @$_ > 1 } @pages;
}

open(my $list, '<', $batches_tsv) or die "assemble.pl: $batches_tsv: $!\n";
my (%docs, @langs, %seen);  # lang → [ [name, text], ... ]
my %current;                 # lang → [text, sessions]
my $close = sub {
    my ($lang) = @_;
    my $c = $current{$lang} or return;
    return unless $c->[1];
    my $n = @{ $docs{$lang} } + 1;
    my $name = sprintf('%s-%04d.txt', $lang, $n);
    my $title = sprintf("Manual pages (%s), part %d\n\n", $lang, $n);
    push @{ $docs{$lang} }, [$name, $title . $c->[0]];
    delete $current{$lang};
};
while (my $row = <$list>) {
    chomp $row;
    my ($file, $macros, $sources) = split /\t/, $row;
    my ($lang) = $file =~ m{/([^/]+)/[^/]+/batch-\d+\.txt$} or die "assemble.pl: bad batch $file\n";
    unless ($seen{$lang}++) { push @langs, $lang; $docs{$lang} = []; }
    my $first;
    if ($macros eq 'mdoc') {   # .../man1/biff.1.gz → biff(1)
        ($first = $sources) =~ s{^.*/|\.gz$}{}g;
        $first =~ s/^(.*)\.([^.]+)$/$1($2)/ or die "assemble.pl: no section in $sources\n";
        $first = lc $first;
    }
    for my $page (batch_pages("$out/$file", $first)) {
        my ($name, @paras) = @$page;
        my $part = 0;
        while (@paras) {
            # A long page (bash(1) is 370 KB) goes on in the next document, under its own name.
            my $c = $current{$lang} //= ['', 0];
            $c->[1]++;
            $c->[0] .= sprintf("Day 1. Session %d - %s%s\n\n", $c->[1], $name,
                               $part++ ? " (continued)" : "");
            $c->[0] .= shift(@paras) . "\n\n" while @paras && length($c->[0]) < $DOC_BYTES;
            $close->($lang) if length($c->[0]) >= $DOC_BYTES;
        }
    }
}
close $list;
$close->($_) for @langs;

# Write the pool of documents.
mkdir "$out/docs";
for my $lang (@langs) {
    for my $d (@{ $docs{$lang} }) {
        open(my $fh, '>:raw', "$out/docs/$d->[0]") or die "assemble.pl: $out/docs/$d->[0]: $!\n";
        print $fh $d->[1];
        close $fh;
    }
}

# Interleave the languages round-robin (every tier holds every language), then cut prefixes.
my @order;
for (my $round = 0;; $round++) {
    my $any = 0;
    for my $lang (@langs) {
        next if $round >= @{ $docs{$lang} };
        push @order, [$lang, $docs{$lang}[$round]];
        $any = 1;
    }
    last unless $any;
}
my $all_bytes = 0;
$all_bytes += length($_->[1][1]) for @order;

open(my $tiers, '>', "$out/tiers.tsv") or die "assemble.pl: $out/tiers.tsv: $!\n";
print $tiers "tier\tdocuments\tbytes\tlanguages\tbytes_per_language\n";
my @cuts = grep { $_->[1] < $all_bytes } @TIERS;
push @cuts, ["full", $all_bytes];
for my $t (@cuts) {
    my ($tier, $target) = @$t;
    mkdir "$out/$tier";
    my ($bytes, $n, %per) = (0, 0);
    for my $o (@order) {
        last if $bytes >= $target;
        my ($lang, $d) = @$o;
        link("$out/docs/$d->[0]", "$out/$tier/$d->[0]") or die "assemble.pl: link $d->[0]: $!\n";
        $bytes += length($d->[1]);
        $per{$lang} += length($d->[1]);
        $n++;
    }
    my $langs = join(',', map { "$_=$per{$_}" } grep { $per{$_} } @langs);
    printf $tiers "%s\t%d\t%d\t%d\t%s\n", $tier, $n, $bytes, scalar(keys %per), $langs;
}
close $tiers;
