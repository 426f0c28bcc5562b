#!/usr/bin/perl
# @file benchmarks/summarize.pl
# @brief benchmarks/results/<date>.json → Markdown tables: ratios ours ÷ plain Xapian, the targets
#        of the performance issue, and the growth from the smallest to the largest tier.
#
# Usage: perl summarize.pl RESULTS.json > RESULTS.md
use strict;
use warnings;
use JSON::PP;
use utf8;

my ($path) = @ARGV;
die "usage: summarize.pl RESULTS.json\n" unless defined $path;
open(my $fh, '<', $path) or die "summarize.pl: $path: $!\n";
my $r = decode_json(do { local $/; <$fh> });
close $fh;
binmode STDOUT, ':encoding(UTF-8)';

sub f { my ($v, $d) = @_; return defined $v ? sprintf("%.${\($d // 2)}f", $v) : 'n/a'; }
sub ratio { my ($a, $b) = @_; return (defined $a && defined $b && $b > 0) ? $a / $b : undef; }
sub mib { return defined $_[0] ? sprintf('%.0f', $_[0] / 1024) : 'n/a'; }
sub mb { return defined $_[0] ? sprintf('%.1f', $_[0] / 1e6) : 'n/a'; }

my $m = $r->{machine};
my @tiers = @{ $r->{tiers} };
printf "# Benchmark run %s\n\n", $r->{date};
printf "Machine: %s, %d cores, %.1f GiB RAM, Linux %s; Xapian %s, ICU %s, g++ %s; commit %s; "
    . "%d timed query rounds; %s.\n\n",
    $m->{cpu}, $m->{nproc}, $m->{ram_bytes} / 2**30, $m->{kernel}, $m->{xapian}, $m->{icu}, $m->{gcc},
    $m->{commit}, $r->{rounds},
    ($r->{repeats} // 1) > 1 ? "best of $r->{repeats} turns per engine (indexing, queries, topics)" : "one turn per engine";

print "## Indexing\n\n";
print "| tier | MB | passages X / ours | MB/s X | MB/s ours | ratio | passages/s X | passages/s ours "
    . "| index × text X | index × text ours | size ratio | peak RSS MiB X | peak RSS MiB ours "
    . "| re-index s (unchanged) | re-index ÷ first |\n";
print "|" . ("---|" x 15) . "\n";
for my $t (@tiers) {
    my ($x, $o) = ($t->{xapian}{index}, $t->{ours}{index});
    my $xmbs = $t->{bytes} / 1e6 / $x->{wall_s};
    printf "| %s | %s | %d / %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
        $t->{tier}, mb($t->{bytes}), $x->{passages}, $o->{passages}, f($xmbs), f($o->{mb_per_s}),
        f(ratio($o->{mb_per_s}, $xmbs)), f($x->{passages} / $x->{wall_s}, 0),
        f($o->{passages_per_s}, 0), f($x->{index_ratio}), f($o->{index_ratio}),
        f(ratio($o->{index_bytes}, $x->{index_bytes})), mib($x->{peak_rss_kib}),
        mib($o->{peak_rss_kib}), f($o->{reindex_wall_s}), f(ratio($o->{reindex_wall_s}, $o->{wall_s}));
}
print "\nMB/s counts the bytes of the document files over the wall time of the whole run "
    . "(start to closed database), for both engines. Ours exited "
    . join(', ', map { "$_->{tier}: $_->{ours}{index}{exit}" } @tiers) . ".\n\n";

my @classes = qw(word_high word_mid word_low bag phrase acronym faceted all);
# One query table: a tier's figures on one query set (X's and ours), and its batch line.
sub query_table {
    my ($t, $set, $xq, $oq, $tp) = @_;
    printf "## Queries, %s tier, %s (%d passages X, %d ours; top 10; p50 ms, ratio ours ÷ X)\n\n",
        $t->{tier}, $set, $t->{xapian}{query}{passages}, $t->{ours}{query}{passages};
    print "| class | n | plain X | plain ours | ratio | snippets X | snippets ours | ratio "
        . "| facets X | facets ours | ratio | snip+facets X | snip+facets ours | ÷ X snippets "
        . "| p95 plain X / ours | p99 plain X / ours | QPS plain X / ours |\n";
    print "|" . ("---|" x 17) . "\n";
    for my $c (@classes) {
        next unless $xq->{plain}{$c};
        my %p = map { my $mode = $_; ($mode => [$xq->{$mode}{$c}, $oq->{$mode}{$c}]) }
            qw(plain snippets facets snippets_facets);
        printf "| %s | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s / %s | %s / %s |\n",
            $c, $p{plain}[0]{n},
            (map { (f($p{$_}[0]{p50_ms}, 3), f($p{$_}[1]{p50_ms}, 3),
                    f(ratio($p{$_}[1]{p50_ms}, $p{$_}[0]{p50_ms}))) } qw(plain snippets facets)),
            f($p{snippets_facets}[0]{p50_ms}, 3), f($p{snippets_facets}[1]{p50_ms}, 3),
            f(ratio($p{snippets_facets}[1]{p50_ms}, $p{snippets}[0]{p50_ms})),
            f($p{plain}[0]{p95_ms}, 3), f($p{plain}[1]{p95_ms}, 3),
            f($p{plain}[0]{p99_ms}, 3), f($p{plain}[1]{p99_ms}, 3),
            f($p{plain}[0]{qps}, 0), f($p{plain}[1]{qps}, 0);
    }
    printf "\nBatch: %s topics/s at --limit 10 and %s at --limit 1000 (`rapporteur-search --topics`, "
        . "process start included), against plain Xapian's %s queries/s (plain, all classes).\n\n",
        f($tp->{limit_10_per_s}, 0), f($tp->{limit_1000_per_s}, 0), f($xq->{plain}{all}{qps}, 0);
}
for my $t (@tiers) {
    query_table($t, 'queries.tsv', $t->{xapian}{query}{modes}, $t->{ours}{query}{modes}, $t->{ours}{topics});
    my $h = $t->{heldout} or next;
    query_table($t, 'held-out set', $h->{xapian}{query}{modes}, $h->{ours}{query}{modes}, $h->{ours}{topics});
}

print "## Growth (all query classes together)\n\n";
print "| tier | MB | index MB/s X | index MB/s ours | index s X | index s ours | p50 plain X | p50 plain ours "
    . "| p50 snippets X | p50 snippets ours | p50 snip+facets X | p50 snip+facets ours |\n";
print "|" . ("---|" x 12) . "\n";
for my $t (@tiers) {
    my ($xq, $oq) = ($t->{xapian}{query}{modes}, $t->{ours}{query}{modes});
    printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $t->{tier}, mb($t->{bytes}),
        f($t->{bytes} / 1e6 / $t->{xapian}{index}{wall_s}), f($t->{ours}{index}{mb_per_s}),
        f($t->{xapian}{index}{wall_s}, 1), f($t->{ours}{index}{wall_s}, 1),
        (map { (f($xq->{$_}{all}{p50_ms}, 3), f($oq->{$_}{all}{p50_ms}, 3)) } qw(plain snippets snippets_facets));
}

# Targets, on the largest tier of the run.
my $t = $tiers[-1];
my ($x, $o) = ($t->{xapian}, $t->{ours});
my $xmbs = $t->{bytes} / 1e6 / $x->{index}{wall_s};
my @targets = (
    ['indexing MB/s, ours ÷ X', ratio($o->{index}{mb_per_s}, $xmbs), '>=', 1.5],
    ['index size, ours ÷ X', ratio($o->{index}{index_bytes}, $x->{index}{index_bytes}), '<=', 0.6],
    ['query p50 without snippets, ours ÷ X', ratio($o->{query}{modes}{plain}{all}{p50_ms},
        $x->{query}{modes}{plain}{all}{p50_ms}), '<=', 1.2],
    ['query p50 with snippets, ours ÷ X snippets', ratio($o->{query}{modes}{snippets}{all}{p50_ms},
        $x->{query}{modes}{snippets}{all}{p50_ms}), '<=', 0.6],
    ['query p50 with snippets + exact facets, ours ÷ X snippets',
        ratio($o->{query}{modes}{snippets_facets}{all}{p50_ms}, $x->{query}{modes}{snippets}{all}{p50_ms}),
        '<=', 1.0],
    ['batch topics/s (limit 10) ÷ X queries/s', ratio($o->{topics}{limit_10_per_s},
        $x->{query}{modes}{plain}{all}{qps}), '>=', 1.0],
);
if (@tiers > 1) {
    my $s = $tiers[0];
    my $grow = sub { my ($big, $small) = @_; ratio($big, $small) };
    my $size = $t->{bytes} / $s->{bytes};
    push @targets,
        ["indexing time growth ours ÷ corpus growth ($s->{tier}→$t->{tier})",
            ratio($grow->($o->{index}{wall_s}, $s->{ours}{index}{wall_s}), $size), '<=', 1.0],
        ["query p50 growth ours ÷ X's ($s->{tier}→$t->{tier}, plain)",
            ratio($grow->($o->{query}{modes}{plain}{all}{p50_ms}, $s->{ours}{query}{modes}{plain}{all}{p50_ms}),
                $grow->($x->{query}{modes}{plain}{all}{p50_ms}, $s->{xapian}{query}{modes}{plain}{all}{p50_ms})),
            '<=', 1.0];
}
printf "\n## Targets (%s tier)\n\n| measure | value | target | met |\n|---|---|---|---|\n", $t->{tier};
for my $g (@targets) {
    my ($name, $v, $op, $want) = @$g;
    my $met = !defined $v ? 'n/a' : ($op eq '>=' ? $v >= $want : $v <= $want) ? 'yes' : 'no';
    printf "| %s | %s | %s %s | %s |\n", $name, f($v), $op, $want, $met;
}

# The query targets on every tier and both query sets: plain p50 at most 1.0x X for every class,
# snippets at most 0.5x X's snippets, snippets + exact facets at most 0.7x X's snippets, batch
# topics/s at least 1.2x X's queries/s.
print "\n## Query targets, every tier and query set (ours ÷ X, same run)\n\n";
print "| tier | query set | plain p50, worst class (≤ 1.0) | plain p50, all | snippets p50 (≤ 0.5) "
    . "| snippets + exact facets ÷ X snippets (≤ 0.7) | batch topics/s ÷ X QPS (≥ 1.2) |\n";
print "|" . ("---|" x 7) . "\n";
for my $t (@tiers) {
    my @sets = (['queries.tsv', $t->{xapian}{query}{modes}, $t->{ours}{query}{modes}, $t->{ours}{topics}]);
    push @sets, ['held-out', $t->{heldout}{xapian}{query}{modes}, $t->{heldout}{ours}{query}{modes},
        $t->{heldout}{ours}{topics}] if $t->{heldout};
    for my $set (@sets) {
        my ($name, $xq, $oq, $tp) = @$set;
        my ($worst, $worst_class);
        for my $c (grep { $_ ne 'all' && $xq->{plain}{$_} } @classes) {
            my $v = ratio($oq->{plain}{$c}{p50_ms}, $xq->{plain}{$c}{p50_ms});
            ($worst, $worst_class) = ($v, $c) if defined $v && (!defined $worst || $v > $worst);
        }
        my $mark = sub { my ($v, $op, $want) = @_;
            return 'n/a' unless defined $v;
            my $ok = $op eq '>=' ? $v >= $want : $v <= $want;
            return f($v) . ($ok ? ' yes' : ' **no**'); };
        printf "| %s | %s | %s (%s) | %s | %s | %s | %s |\n", $t->{tier}, $name,
            $mark->($worst, '<=', 1.0), $worst_class // 'n/a',
            $mark->(ratio($oq->{plain}{all}{p50_ms}, $xq->{plain}{all}{p50_ms}), '<=', 1.0),
            $mark->(ratio($oq->{snippets}{all}{p50_ms}, $xq->{snippets}{all}{p50_ms}), '<=', 0.5),
            $mark->(ratio($oq->{snippets_facets}{all}{p50_ms}, $xq->{snippets}{all}{p50_ms}), '<=', 0.7),
            $mark->(ratio($tp->{limit_10_per_s}, $xq->{plain}{all}{qps}), '>=', 1.2);
    }
}
