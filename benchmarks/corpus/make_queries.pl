#!/usr/bin/perl
# @file benchmarks/corpus/make_queries.pl
# @brief Draws the benchmark query set from a corpus tier with a fixed seed.
#
# Usage: perl make_queries.pl TIER_DIR SEED COUNT > queries.tsv
# Output: a header line, then `qid<TAB>class<TAB>query<TAB>lang`, COUNT rows in all. Classes:
#   word_high / word_mid / word_low  one word of the 100 most frequent, of frequency rank
#                                    1000-3000, of frequency 2-3, in its language (ranks of
#                                    a smaller vocabulary: see ranked_slice)
#   bag                              2-4 words of one passage
#   phrase                           2-3 consecutive words of one passage, in double quotes
#   acronym                          an upper-case ASCII word of 2-6 letters seen 5+ times
#   faceted                          a word of rank 100-2000 and a drill-down `lang:<lang>`
# Each class goes round the languages in turn, a language dropping out of the rounds when it has
# had its share: one query, plus the rest of the class in proportion to the language's bytes in
# the tier (largest remainders). So the mix follows the text (the tier is a third English) and
# every language is asked every class, however little text it has (Greek: 33 KB). An acronym's
# language is the one that uses it most. A query drawn twice is drawn again (up to 100 times).
# The `lang` column is the language the words were drawn from; both engines may use it to pick
# the stemmer. Chinese and Japanese have no spaces: their "words" are runs of two ideographs/kana,
# their phrases runs of three or four. Perl's random generator is its own drand48 since 5.20, so
# a seed gives the same set everywhere.
use strict;
use warnings;
use utf8;

my ($dir, $seed, $count) = @ARGV;
die "usage: make_queries.pl TIER_DIR SEED COUNT\n" unless defined $count;
binmode STDOUT, ':encoding(UTF-8)';

my $CJK = qr/(?:(?!\p{P})[\p{Han}\p{Hiragana}\p{Katakana}ー])/;  # scx: no CJK punctuation
my %cjk_lang = (zh => 1, ja => 1);

opendir(my $dh, $dir) or die "make_queries.pl: $dir: $!\n";
my @files = sort grep { /\.txt$/ } readdir $dh;
closedir $dh;

my (%passages, %freq, %acronyms);  # lang → [passage]; lang → {word → count}; acronym → {lang → n}
my %bytes;                         # lang → bytes of its documents
for my $f (@files) {
    my ($lang) = $f =~ /^([a-z]+)-/ or next;
    $bytes{$lang} += -s "$dir/$f";
    open(my $fh, '<:encoding(UTF-8)', "$dir/$f") or die "make_queries.pl: $dir/$f: $!\n";
    local $/ = '';   # paragraph mode: blocks separated by blank lines
    my $first = 1;
    while (my $block = <$fh>) {
        if ($first) { $first = 0; next; }          # the title line
        next if $block =~ /^Day \d+\. Session \d+ - /;
        $block =~ s/\s+/ /g;
        $block =~ s/^ | $//g;
        push @{ $passages{$lang} }, $block;
        $freq{$lang}{$_}++ for words($lang, $block);
        $acronyms{$1}{$lang}++ while $block =~ /(?<![\w-])([A-Z]{2,6})(?![\w-])/g;
    }
    close $fh;
}
my @langs = sort keys %passages;
die "make_queries.pl: no passages in $dir\n" unless @langs;

# Words of a passage as a user would type them: letters only, 3+ letters (CJK: runs of two).
sub words {
    my ($lang, $text) = @_;
    if ($cjk_lang{$lang}) {
        my @w;
        for my $run ($text =~ /($CJK{2,})/g) {
            push @w, substr($run, $_, 2) for 0 .. length($run) - 2;
        }
        return @w;
    }
    return map { lc } grep { length >= 3 } $text =~ /(\p{L}[\p{L}\p{M}]*)/g;
}

my %ranked;  # lang → [words by falling frequency, ties by code point]
for my $lang (@langs) {
    my $fr = $freq{$lang};
    $ranked{$lang} = [sort { $fr->{$b} <=> $fr->{$a} || $a cmp $b } keys %$fr];
}
my @acronym_list = sort grep {
    my $a = $_;
    my $n = 0;
    $n += $_ for values %{ $acronyms{$a} };
    $n >= 5 && $a !~ /^(.)\1+$/;
} keys %acronyms;

srand($seed);
sub pick { my ($list) = @_; return $list->[int(rand(@$list))]; }
# The words of frequency ranks $from..$to (0 = the most frequent) of a language. A language with
# fewer words (Greek and Macedonian have under 800) gets the same part of its own list: ranks
# 1000-2999 of 766 words are ranks 255-765.
sub ranked_slice {
    my ($lang, $from, $to) = @_;
    my $r = $ranked{$lang};
    if ($to > $#$r) {
        $from = int($from * @$r / ($to + 1));
        $to = $#$r;
    }
    return [@$r[$from .. $to]];
}
sub word_by_count {
    my ($lang, $lo, $hi) = @_;
    my $fr = $freq{$lang};
    my @w = grep { $fr->{$_} >= $lo && $fr->{$_} <= $hi } @{ $ranked{$lang} };
    return @w ? pick(\@w) : pick($ranked{$lang});
}
sub passage_with_words {
    my ($lang, $min) = @_;
    for (1 .. 1000) {
        my $p = pick($passages{$lang});
        my @w = words($lang, $p);
        return ($p, @w) if @w >= $min;
    }
    return;
}
sub phrase {
    my ($lang) = @_;
    for (1 .. 1000) {
        my $p = pick($passages{$lang});
        if ($cjk_lang{$lang}) {
            my @runs = grep { length >= 4 } $p =~ /($CJK{4,})/g;
            next unless @runs;
            my $run = pick(\@runs);
            my $len = 3 + int(rand(2));
            return substr($run, int(rand(length($run) - $len + 1)), $len);
        }
        my @tokens = $p =~ /(\S+)/g;
        my $n = 2 + int(rand(2));
        next if @tokens < $n;
        my $at = int(rand(@tokens - $n + 1));
        my @slice = @tokens[$at .. $at + $n - 1];
        next if grep { !/^\p{L}[\p{L}\p{M}]+$/ } @slice;   # whole words only
        return join(' ', @slice);
    }
    return pick($ranked{$lang});
}

# The languages of a class of $n queries, round after round (see the head of the file).
sub class_languages {
    my ($n) = @_;
    my @by_size = sort { $bytes{$b} <=> $bytes{$a} || $a cmp $b } @langs;
    my %quota = map { $_ => 0 } @langs;
    if ($n <= @langs) {
        $quota{$_} = 1 for @by_size[0 .. $n - 1];
    } else {
        my $total = 0;
        $total += $bytes{$_} for @langs;
        my $rest = $n - @langs;
        my %frac;
        for my $l (@langs) {
            my $share = $rest * $bytes{$l} / $total;
            $quota{$l} = 1 + int($share);
            $frac{$l} = $share - int($share);
        }
        my $left = $n;
        $left -= $quota{$_} for @langs;
        $quota{$_}++ for (sort { $frac{$b} <=> $frac{$a} || $a cmp $b } @langs)[0 .. $left - 1];
    }
    my @seq;
    for (my $round = 0; @seq < $n; $round++) { push @seq, grep { $quota{$_} > $round } @langs; }
    return @seq;
}

# One query of a class in a language: (query, its language).
sub draw {
    my ($class, $lang) = @_;
    if ($class eq 'word_high') {
        return (pick(ranked_slice($lang, 0, 99)), $lang);
    } elsif ($class eq 'word_mid') {
        return (pick(ranked_slice($lang, 1000, 2999)), $lang);
    } elsif ($class eq 'word_low') {
        return (word_by_count($lang, 2, 3), $lang);
    } elsif ($class eq 'bag') {
        my ($p, @w) = passage_with_words($lang, 4);
        my %u;
        @w = grep { !$u{$_}++ } @w;
        my $k = 2 + int(rand(3));
        $k = @w if $k > @w;
        my @bag;
        push @bag, splice(@w, int(rand(@w)), 1) for 1 .. $k;
        return (join(' ', @bag), $lang);
    } elsif ($class eq 'phrase') {
        return ('"' . phrase($lang) . '"', $lang);
    } elsif ($class eq 'acronym') {
        my $q = pick(\@acronym_list);
        my $by = $acronyms{$q};
        my ($most) = sort { $by->{$b} <=> $by->{$a} || $a cmp $b } keys %$by;
        return ($q, $most);
    }
    return (pick(ranked_slice($lang, 100, 1999)) . " lang:$lang", $lang);
}

my @classes = (
    [word_high => 0.15], [word_mid => 0.15], [word_low => 0.15], [bag => 0.15],
    [phrase => 0.15], [acronym => 0.10], [faceted => 0.15],
);
print "qid\tclass\tquery\tlang\n";
my $qid = 0;
my %drawn;   # "query\tlang" → 1
my $left = $count;
for my $ci (0 .. $#classes) {
    my ($class, $share) = @{ $classes[$ci] };
    my $n = $ci == $#classes ? $left : int($count * $share + 0.5);
    $left -= $n;
    for my $lang (class_languages($n)) {
        my ($q, $qlang);
        for (1 .. 100) {
            ($q, $qlang) = draw($class, $lang);
            last unless $drawn{"$q\t$qlang"};
        }
        $drawn{"$q\t$qlang"} = 1;
        printf "q%04d\t%s\t%s\t%s\n", ++$qid, $class, $q, $qlang;
    }
}
